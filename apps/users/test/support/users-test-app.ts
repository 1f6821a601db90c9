import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import {
  devAccessTokenVerificationKeys,
  isAccessTokenRevoked,
  signClientIp,
  signIdentity,
  verifyAccessToken,
  type CallerIdentity,
} from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import { NatsClient } from '@mestres/messaging';
import { createTestDatabase, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { usersConfigSchema, type UsersConfig } from '../../src/config';
import { usersDatabase } from '../../src/database';

export interface GraphqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; reason?: string; field?: string; retryAfterSeconds?: number } }>;
}

/**
 * The users app booted on Fastify (random port) against a throwaway Postgres schema, its own
 * Redis key prefix and NATS prefix, plus helpers that act like the gateway.
 */
export interface UsersTestApp {
  app: NestFastifyApplication;
  url: string;
  config: UsersConfig;
  db: TestDatabase;
  /** A client with the app's key prefix, as the gateway would use. */
  redis: Redis;
  /** POSTs a GraphQL operation to the subgraph with the given headers. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse<T>>;
  /** Signed identity headers for `identity` (the gateway's job), plus a signed client IP. */
  identityHeaders(identity: CallerIdentity | null, clientIp?: string): Record<string, string>;
  /**
   * What the gateway does with a bearer token: verify the JWT, check revocation, then sign
   * the identity. Throws like the gateway would refuse.
   */
  headersForAccessToken(accessToken: string, clientIp?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

function loadOrDrop(db: TestDatabase, env: Record<string, string>): UsersConfig {
  try {
    return loadConfig('users', usersConfigSchema, env);
  } catch (error) {
    void db.drop();
    throw error;
  }
}

export async function startUsersTestApp(env: Record<string, string> = {}): Promise<UsersTestApp> {
  const db = await createTestDatabase(usersDatabase());
  const suffix = uniqueSuffix();
  const config = loadOrDrop(db, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: db.settings.url,
    DATABASE_SCHEMA: db.schema,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test:users:${suffix}:`,
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_PREFIX: `t${suffix}`,
    // The OWASP floor keeps the suite fast; production defaults are higher.
    PASSWORD_HASH_MEMORY_KIB: '19456',
    PASSWORD_HASH_TIME_COST: '2',
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    moduleRef.useLogger(false);
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await db.drop();
    throw error;
  }
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const redis = new Redis(config.REDIS_URL, { keyPrefix: config.REDIS_PREFIX });
  const jwks = devAccessTokenVerificationKeys();

  const identityHeaders = (identity: CallerIdentity | null, clientIp = '203.0.113.10') => ({
    ...(identity ? signIdentity(identity, config.INTERNAL_AUTH_SECRET) : {}),
    ...signClientIp(clientIp, config.INTERNAL_AUTH_SECRET),
  });

  return {
    app,
    url,
    config,
    db,
    redis,
    async graphql(query, variables = {}, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<never>;
    },
    identityHeaders,
    async headersForAccessToken(accessToken, clientIp) {
      const claims = await verifyAccessToken(accessToken, jwks, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
      if (await isAccessTokenRevoked(redis, claims)) throw new Error('revoked');
      return identityHeaders({ userId: claims.sub, roles: claims.roles, sessionId: claims.sid }, clientIp);
    },
    async close() {
      const jsm = await app.get(NatsClient).jsm();
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(`t${suffix}_`)) await jsm.streams.delete(name);
      }
      await app.close();
      const keys = await redis.keys(`${config.REDIS_PREFIX}*`);
      if (keys.length) await redis.del(...keys.map((key) => key.slice(config.REDIS_PREFIX.length)));
      redis.disconnect();
      await db.drop();
    },
  };
}

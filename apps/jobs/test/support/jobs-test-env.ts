import { Redis } from 'ioredis';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { signIdentity, type CallerIdentity } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import type { EventPayload, EventSubject } from '@mestres/contracts';
import { MessagingNames, uuidv7 } from '@mestres/messaging';
import { createTestDatabase, graphqlRequest, startTestApp, testServiceEnv, type TestApp, type TestDatabase } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { jobsConfigSchema, type JobsConfig } from '../../src/config';
import { jobsDatabase } from '../../src/database';
import { DevSmtpServer } from '../../src/dev-smtp/dev-smtp-server';

/** Settings that make retries, stalls and leases fast enough for a test. */
export const FAST_JOBS_ENV: Record<string, string> = {
  JOBS_BACKOFF_BASE_MS: '100',
  JOBS_BACKOFF_MAX_MS: '400',
  JOBS_LOCK_DURATION_MS: '2000',
  JOBS_STALLED_INTERVAL_MS: '1000',
  EMAIL_SEND_LEASE_SECONDS: '3',
  SMTP_TIMEOUT_MS: '5000',
};

export interface JobsInstance extends TestApp {
  config: JobsConfig;
  get<T>(token: new (...args: never[]) => T): T;
}

/**
 * What several jobs instances of one test share: a migrated schema, a Redis key prefix, a
 * NATS prefix and a dev SMTP server; plus a publisher that puts event envelopes on the
 * stream exactly as another service's outbox relay would.
 */
export interface JobsTestEnvironment {
  db: TestDatabase;
  smtp: DevSmtpServer;
  env: Record<string, string>;
  /** Boots one jobs instance on a free port; `overrides` are extra env keys. */
  start(overrides?: Record<string, string>): Promise<JobsInstance>;
  /** Publishes an event (a redelivery when `eventId` repeats one) and resolves to its id. */
  publish<S extends EventSubject>(subject: S, payload: EventPayload<S>, options?: { eventId?: string; occurredAt?: string }): Promise<string>;
  /** A Redis client on the environment's prefix. */
  redis: Redis;
  identityHeaders(identity: CallerIdentity | null): Record<string, string>;
  graphql<T = Record<string, unknown>>(
    instance: JobsInstance,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof graphqlRequest<T>>;
  close(): Promise<void>;
}

export async function createJobsTestEnvironment(overrides: Record<string, string> = {}): Promise<JobsTestEnvironment> {
  const db = await createTestDatabase(jobsDatabase());
  const smtp = await DevSmtpServer.start();
  const env = testServiceEnv(db.schema, { SMTP_URL: smtp.url, ...FAST_JOBS_ENV, ...overrides });
  const names = new MessagingNames(env.NATS_PREFIX);
  const nats: NatsConnection = await connect({ servers: env.NATS_URL });
  const js = jetstream(nats);
  const redis = new Redis(env.REDIS_URL, { keyPrefix: env.REDIS_PREFIX });
  const instances: JobsInstance[] = [];

  return {
    db,
    smtp,
    env,
    redis,
    async start(extra = {}) {
      const config = loadConfig('jobs', jobsConfigSchema, { ...env, ...extra });
      const app = await startTestApp('jobs', AppModule.forRoot(config));
      const instance: JobsInstance = { ...app, config, get: (token) => app.app.get(token, { strict: false }) };
      instances.push(instance);
      return instance;
    },
    async publish(subject, payload, options = {}) {
      const eventId = options.eventId ?? uuidv7();
      const envelope = {
        eventId,
        subject,
        occurredAt: options.occurredAt ?? new Date().toISOString(),
        version: Number(/\.v(\d+)$/.exec(subject)![1]),
        producer: MessagingNames.contextOf(subject),
        payload,
      };
      // A fresh message id each time, so JetStream's duplicate window lets a redelivery through.
      await js.publish(names.eventSubject(subject), JSON.stringify(envelope), { msgID: `${eventId}-${uuidv7()}` });
      return eventId;
    },
    identityHeaders: (identity) => (identity ? signIdentity(identity, loadConfig('jobs', jobsConfigSchema, env).INTERNAL_AUTH_SECRET) : {}),
    graphql: (instance, query, variables = {}, headers = {}) => graphqlRequest(instance.graphqlUrl, query, variables, headers),
    async close() {
      for (const instance of instances.splice(0)) await instance.close().catch(() => undefined);
      const jsm = await jetstreamManager(nats);
      for await (const name of jsm.streams.names()) {
        if (name.startsWith(`${env.NATS_PREFIX}_`)) await jsm.streams.delete(name);
      }
      await nats.close();
      const keys = await redis.keys(`${env.REDIS_PREFIX}*`);
      if (keys.length) await redis.del(...keys.map((key) => key.slice(env.REDIS_PREFIX.length)));
      redis.disconnect();
      await smtp.close();
      await db.drop();
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false (for effects of async work). */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

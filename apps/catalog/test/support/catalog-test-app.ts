import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Role, signIdentity } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import { createTestDatabase, deleteStreams, testAdminUrl, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { catalogConfigSchema, type CatalogConfig } from '../../src/config';
import { catalogDatabase } from '../../src/database';
import { seedCatalog } from '../../src/seed/seed-catalog';

export const natsUrl = () => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const redisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, unknown>;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

export type Caller = 'anonymous' | 'customer' | 'admin';

/** The real catalog app (AppModule) on a throwaway schema, Redis prefix and NATS prefix. */
export interface CatalogTestApp {
  db: TestDatabase;
  app: NestFastifyApplication;
  config: CatalogConfig;
  natsPrefix: string;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

export async function startCatalogApp(options: { seed?: boolean } = {}): Promise<CatalogTestApp> {
  const db = await createTestDatabase(catalogDatabase());
  try {
    return await startOn(db, options);
  } catch (error) {
    await db.drop();
    throw error;
  }
}

async function startOn(db: TestDatabase, options: { seed?: boolean }): Promise<CatalogTestApp> {
  if (options.seed ?? true) await seedCatalog(db.tx);
  const suffix = uniqueSuffix();
  const natsPrefix = `t${suffix}`;
  const config = loadConfig('catalog', catalogConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: db.schema,
    DATABASE_POOL_SIZE: '5',
    DATABASE_STATEMENT_TIMEOUT_MS: '10000',
    DATABASE_SLOW_QUERY_MS: '5000',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: `test:${suffix}:`,
    NATS_URL: natsUrl(),
    NATS_PREFIX: natsPrefix,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  moduleRef.useLogger(process.env.TEST_LOGS ? console : false);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  return {
    db,
    app,
    config,
    natsPrefix,
    async graphql(query, variables = {}, as = 'anonymous') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== 'anonymous') {
        Object.assign(headers, signIdentity({ userId: `user-${as}`, roles: as === 'admin' ? [Role.ADMIN] : [Role.CUSTOMER] }, config.INTERNAL_AUTH_SECRET));
      }
      const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: JSON.stringify({ query, variables }) });
      const body = response.json();
      return { status: response.statusCode, headers: response.headers, data: body.data, errors: body.errors };
    },
    async close() {
      await app.close();
      await deleteStreams(natsPrefix);
      await db.drop();
    },
  };
}

/** Counts SQL statements run through a DataSource whose text matches `pattern`. */
export function countStatements(source: DataSource | INestApplication, pattern: RegExp): { count: number; stop(): void } {
  const dataSource = source instanceof DataSource ? source : source.get(DataSource);
  const counter = {
    count: 0,
    afterQuery(event: { query: string }) {
      if (pattern.test(event.query)) counter.count += 1;
    },
    stop() {
      const index = dataSource.subscribers.indexOf(counter as never);
      if (index >= 0) dataSource.subscribers.splice(index, 1);
    },
  };
  dataSource.subscribers.push(counter as never);
  return counter;
}

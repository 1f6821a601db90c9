import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { signIdentity, type CallerIdentity } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import { createTestDatabase, deleteRedisKeys, deleteStreams, testAdminUrl, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { ordersConfigSchema, type OrdersConfig } from '../../src/config';
import { ordersDatabase } from '../../src/database';
import { natsUrl, redisUrl } from './infrastructure';

export interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; reason?: string; field?: string; [key: string]: unknown } }>;
}

export interface OrdersTestApp {
  app: NestFastifyApplication;
  config: OrdersConfig;
  db: TestDatabase;
  natsPrefix: string;
  /** Runs a GraphQL operation against the subgraph, with gateway-signed identity headers for `as`. */
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: CallerIdentity | null): Promise<GraphqlResponse<T>>;
  /** POSTs a raw request (e.g. a webhook delivery). */
  post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number; body: string }>;
  sql<T = Array<Record<string, any>>>(query: string, params?: unknown[]): Promise<T>;
  /** Stops the app (as a crash or deploy would) and boots a new one on the same database and Redis. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface OrdersTestAppOptions {
  /** Shared with the catalog under test; a fresh one by default. */
  natsPrefix?: string;
  natsServers?: string[];
  env?: Record<string, string>;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/** The orders app (AppModule) on Fastify against a throwaway schema, Redis prefix and NATS prefix. */
export async function startOrdersApp(options: OrdersTestAppOptions = {}): Promise<OrdersTestApp> {
  const db = await createTestDatabase(ordersDatabase(), { poolSize: 4 });
  const natsPrefix = options.natsPrefix ?? `t${uniqueSuffix()}`;
  const config = loadConfig('orders', ordersConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: db.schema,
    DATABASE_POOL_SIZE: '10',
    DATABASE_STATEMENT_TIMEOUT_MS: '15000',
    DATABASE_SLOW_QUERY_MS: '5000',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: `test:orders:${natsPrefix}:${uniqueSuffix()}:`,
    NATS_URL: (options.natsServers ?? [natsUrl()]).join(','),
    NATS_PREFIX: natsPrefix,
    CATALOG_RPC_TIMEOUT_MS: '10000',
    ...options.env,
  });
  const boot = async () => {
    let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
    if (options.override) builder = options.override(builder);
    const moduleRef = await builder.compile();
    moduleRef.useLogger(process.env.TEST_LOGS ? console : false);
    const nest = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    try {
      await nest.init();
      await nest.getHttpAdapter().getInstance().ready();
    } catch (error) {
      await nest.close().catch(() => undefined);
      throw error;
    }
    return nest;
  };
  let app: NestFastifyApplication;
  try {
    app = await boot();
  } catch (error) {
    await db.drop();
    throw error;
  }

  return {
    get app() {
      return app;
    },
    config,
    db,
    natsPrefix,
    async graphql(query, variables = {}, as = null) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(as ? signIdentity(as, config.INTERNAL_AUTH_SECRET) : {}) };
      const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: JSON.stringify({ query, variables }) });
      return response.json();
    },
    async post(url, body, headers) {
      const response = await app.inject({ method: 'POST', url, headers, payload: body });
      return { statusCode: response.statusCode, body: response.body };
    },
    sql(query, params = []) {
      return db.sources.primary.query(query, params);
    },
    async restart() {
      await app.close();
      app = await boot();
    },
    async close() {
      await app.close();
      await deleteRedisKeys(config.REDIS_PREFIX);
      await db.drop();
    },
  };
}

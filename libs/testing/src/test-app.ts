import { Writable } from 'node:stream';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService } from '@mestres/service';
import { testAdminUrl, uniqueSuffix } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** e.g. `http://127.0.0.1:41234` */
  baseUrl: string;
  /** `<baseUrl>/graphql` */
  graphqlUrl: string;
  close(): Promise<void>;
}

/** Drops service logs unless TEST_LOGS=1, so test output stays readable. */
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * Boots a whole service exactly as `main.ts` does (Fastify, metrics, health, graceful
 * shutdown) on a free port of 127.0.0.1. Boot failures throw instead of exiting.
 */
export async function startTestApp(name: string, module: DynamicModule): Promise<TestApp> {
  const app = await bootstrapService({
    name,
    module,
    port: 0,
    host: '127.0.0.1',
    logLevel: process.env.TEST_LOGS ? 'debug' : 'warn',
    shutdownGraceSeconds: 0,
    logDestination: process.env.TEST_LOGS ? process.stderr : quiet,
    exit: () => undefined,
  });
  const baseUrl = await app.getUrl();
  return {
    app,
    baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
    graphqlUrl: `${baseUrl}/graphql`,
    close: () => app.close(),
  };
}

/**
 * Environment for a service under test: the test database as a superuser on a given
 * throwaway schema, and unique Redis and NATS prefixes so parallel tests never meet.
 */
export function testServiceEnv(schema: string, overrides: Record<string, string> = {}): Record<string, string> {
  const suffix = uniqueSuffix();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: schema,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test:${suffix}:`,
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_PREFIX: `t${suffix}`,
    ...overrides,
  };
}

/** POSTs a GraphQL operation and returns the parsed body and status. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

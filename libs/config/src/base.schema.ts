import { z } from 'zod';
import { env } from './env-types';

/** Keys every service reads: runtime, logging, tracing and the shared infrastructure. */
export const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: env.url('redis://127.0.0.1:6379', ['redis', 'rediss']),
  NATS_URL: env.list(['nats://127.0.0.1:4222']),
  /** Prepended to Redis keys; tests set a unique one to isolate themselves. */
  REDIS_PREFIX: z.string().default('mestres:'),
  /** Isolates NATS subjects and streams on a shared server; empty in production, unique per test run. */
  NATS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]*$/, 'may only contain letters, digits, "_" and "-"').default(''),
  /** OTLP/HTTP traces endpoint; tracing stays in-process (no export) when unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalUrl(['http', 'https']),
  OTEL_TRACES_SAMPLER_RATIO: z.coerce.number().min(0).max(1).default(1),
  /** Seconds to let in-flight work drain after SIGTERM before closing pools. */
  SHUTDOWN_GRACE_SECONDS: env.int(10, 0),
});

/**
 * Keys of services that own a Postgres schema. Each service connects as its own role
 * (`<app>_svc`), which can touch only its own schema; the local default matches what
 * `npm run migrate` provisions.
 */
export const databaseSchema = (app: string) =>
  z.object({
  DATABASE_URL: env.url(`postgres://${app}_svc:${app}_local@127.0.0.1:5432/mestres`, ['postgres', 'postgresql']),
  DATABASE_READ_URL: env.optionalUrl(['postgres', 'postgresql']),
    /** The service's own schema; tests point it at a throwaway copy. */
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase Postgres identifier').default(app),
  DATABASE_POOL_SIZE: env.int(10, 1),
  DATABASE_STATEMENT_TIMEOUT_MS: env.int(5000, 1),
  DATABASE_SLOW_QUERY_MS: env.int(50, 1),
  });

export type BaseConfig = z.infer<typeof baseSchema>;
export type DatabaseConfig = z.infer<ReturnType<typeof databaseSchema>>;

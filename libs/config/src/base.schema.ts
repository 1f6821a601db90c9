import { z } from 'zod';
import { env } from './env-types';

/** Keys every service reads: runtime, logging, tracing and the shared infrastructure. */
export const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: env.url('redis://127.0.0.1:6379', ['redis', 'rediss']),
  NATS_URL: env.list(['nats://127.0.0.1:4222']),
  /** OTLP/HTTP traces endpoint; tracing stays in-process (no export) when unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: env.optionalUrl(['http', 'https']),
  OTEL_TRACES_SAMPLER_RATIO: z.coerce.number().min(0).max(1).default(1),
  /** Seconds to let in-flight work drain after SIGTERM before closing pools. */
  SHUTDOWN_GRACE_SECONDS: env.int(10, 0),
});

/** Keys of services that own a Postgres schema. */
export const databaseSchema = z.object({
  DATABASE_URL: env.url('postgres://127.0.0.1:5432/mestres', ['postgres', 'postgresql']),
  DATABASE_READ_URL: env.optionalUrl(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: env.int(10, 1),
  DATABASE_STATEMENT_TIMEOUT_MS: env.int(5000, 1),
  DATABASE_SLOW_QUERY_MS: env.int(50, 1),
});

export type BaseConfig = z.infer<typeof baseSchema>;
export type DatabaseConfig = z.infer<typeof databaseSchema>;

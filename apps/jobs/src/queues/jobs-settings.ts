import type { JobsConfig } from '../config';
import { QueueName } from './queue-name.enum';
import type { RetryBackoffSettings } from './retry-backoff';

/** How queues and workers behave, read once from the config. */
export interface JobsSettings {
  redisUrl: string;
  /** BullMQ key prefix (`<REDIS_PREFIX>bull`): tests and environments sharing a Redis stay apart. */
  prefix: string;
  concurrency: Record<QueueName, number>;
  workersEnabled: boolean;
  lockDurationMs: number;
  stalledIntervalMs: number;
  backoff: RetryBackoffSettings;
  failedRetentionSeconds: number;
}

export const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');

const DAY_SECONDS = 24 * 60 * 60;

export function jobsSettingsFromConfig(config: JobsConfig): JobsSettings {
  return {
    redisUrl: config.REDIS_URL,
    prefix: `${config.REDIS_PREFIX}bull`,
    concurrency: { [QueueName.LIGHT]: config.JOBS_LIGHT_CONCURRENCY, [QueueName.HEAVY]: config.JOBS_HEAVY_CONCURRENCY },
    workersEnabled: config.JOBS_WORKERS_ENABLED,
    lockDurationMs: config.JOBS_LOCK_DURATION_MS,
    stalledIntervalMs: config.JOBS_STALLED_INTERVAL_MS,
    backoff: { baseMs: config.JOBS_BACKOFF_BASE_MS, maxMs: config.JOBS_BACKOFF_MAX_MS },
    failedRetentionSeconds: config.JOBS_FAILED_RETENTION_DAYS * DAY_SECONDS,
  };
}

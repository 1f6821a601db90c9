import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { reconnectBackoff } from './reconnect-backoff';

/**
 * Connection options for BullMQ queues and workers. BullMQ opens its own connections (workers
 * block on BRPOPLPUSH-style commands), so it must not share the fail-fast `REDIS` client:
 * BullMQ requires `maxRetriesPerRequest: null` and the offline queue, so its commands wait
 * for a reconnect instead of failing. No `keyPrefix`: BullMQ rejects it; use its `prefix` option.
 *
 * A `Queue` whose `add()` runs on a request path inherits this waiting behaviour during an
 * outage; bound such calls with a timeout at the call site.
 */
export function createBullConnectionOptions(url: string, options: { connectionName?: string } = {}): BullRedisOptions {
  return {
    url,
    connectionName: options.connectionName,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (attempt: number) => reconnectBackoff(attempt),
  };
}

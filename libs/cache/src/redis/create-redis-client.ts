import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ThrottledWarning } from '../shared/throttled-warning';
import { reconnectBackoff } from './reconnect-backoff';
import type { RedisModuleOptions } from './redis-module-options';

/**
 * Per-command deadline: a slow or half-dead Redis must cost a request at most this much.
 * Not lower: ioredis runs this timer on the event loop, and after a stall of the process
 * itself (GC, a big response) timers fire before pending socket reads, so a tight deadline
 * turns healthy replies into spurious errors under load.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/**
 * Creates an ioredis client tuned so a Redis outage never hangs a request:
 *
 * - `enableOfflineQueue: false`: while disconnected, commands fail at once instead of queueing
 *   until Redis returns (callers such as `CacheService` then fall back to the database).
 * - `commandTimeout`: a connected but unresponsive Redis fails commands after 1 s.
 * - `maxRetriesPerRequest: 1`: a command caught by a dropped connection is retried once at most.
 * - `enableAutoPipelining`: commands issued in the same event-loop turn (one per concurrent
 *   request: rate limits, cache reads) go to Redis in one write instead of one syscall each.
 *   Safe because nothing uses blocking commands on this client.
 * - reconnects forever with capped backoff ({@link reconnectBackoff}); `lazyConnect: false`
 *   so the first request does not pay for the handshake.
 *
 * Connection errors are logged at warn, at most once per 30 s. The caller owns the client and
 * must close it (see `closeRedisClient`); `RedisModule` does that on shutdown.
 *
 * Do not hand this client to BullMQ: it needs its own connection, see `createBullConnectionOptions`.
 */
export function createRedisClient(options: RedisModuleOptions): Redis {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    connectionName: options.connectionName,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Grace period for the socket to close after disconnect(). ioredis arms it even when the
    // socket is already gone (disconnecting while reconnecting), so it delays process exit.
    disconnectTimeout: 500,
    retryStrategy: (attempt) => reconnectBackoff(attempt),
    lazyConnect: false,
    enableAutoPipelining: true,
  });
  const warning = new ThrottledWarning(new Logger('Redis'), 30_000);
  // Without a listener ioredis prints every reconnect failure to stderr.
  client.on('error', (error: Error) => warning.warn(`Redis connection error (${options.connectionName ?? 'redis'})`, error));
  return client;
}

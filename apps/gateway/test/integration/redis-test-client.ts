import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, waitForRedisReady } from '@mestres/cache';
import { uniqueSuffix } from '@mestres/testing';

/** A fail-fast client (as the app's) with a key prefix of its own; `dispose` deletes its keys. */
export async function redisTestClient(): Promise<{ redis: Redis; prefix: string; dispose(): Promise<void> }> {
  const prefix = `test:${uniqueSuffix()}:`;
  const redis = createRedisClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: prefix, connectionName: 'gateway-test' });
  await waitForRedisReady(redis);
  return {
    redis,
    prefix,
    async dispose() {
      // SCAN patterns do not get the key prefix, and DEL would add it again: strip it.
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys.map((key) => key.slice(prefix.length)));
      await closeRedisClient(redis);
    },
  };
}

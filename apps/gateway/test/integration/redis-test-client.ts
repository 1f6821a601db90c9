import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, waitForRedisReady } from '@mestres/cache';
import { deleteRedisKeys, uniqueSuffix } from '@mestres/testing';

/** A fail-fast client (as the app's) with a key prefix of its own; `dispose` deletes its keys. */
export async function redisTestClient(): Promise<{ redis: Redis; prefix: string; dispose(): Promise<void> }> {
  const prefix = `test:${uniqueSuffix()}:`;
  const redis = createRedisClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: prefix, connectionName: 'gateway-test' });
  await waitForRedisReady(redis);
  return {
    redis,
    prefix,
    async dispose() {
      await closeRedisClient(redis);
      await deleteRedisKeys(prefix);
    },
  };
}

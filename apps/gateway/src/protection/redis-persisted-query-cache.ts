import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/**
 * Apollo's automatic persisted queries stored in the shared Redis, so a query registered
 * through one gateway pod is known to all. Redis errors read as "not registered" (the
 * client then sends the full query) and failed writes are dropped: APQ is an optimisation.
 */
export class RedisPersistedQueryCache implements KeyValueCache<string> {
  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<string | undefined> {
    const value = await this.redis.get(redisKey(key)).catch(() => null);
    return value ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    const write = ttl ? this.redis.set(redisKey(key), value, 'EX', Math.max(1, Math.round(ttl))) : this.redis.set(redisKey(key), value);
    await write.catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(redisKey(key)).catch(() => 0)) > 0;
  }
}

function redisKey(key: string): string {
  return `gateway:apq:${key}`;
}

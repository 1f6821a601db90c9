import { RedisPersistedQueryCache } from '../../src/protection/redis-persisted-query-cache';
import { redisTestClient } from './redis-test-client';

describe(RedisPersistedQueryCache.name, () => {
  it('shares registered queries through Redis, with their time to live', async () => {
    const client = await redisTestClient();
    try {
      const cache = new RedisPersistedQueryCache(client.redis);
      await cache.set('apq:abc', '{ products { id } }', { ttl: 300 });
      expect(await new RedisPersistedQueryCache(client.redis).get('apq:abc')).toBe('{ products { id } }');
      expect(await client.redis.ttl('gateway:apq:apq:abc')).toBeGreaterThan(290);
      expect(await cache.delete('apq:abc')).toBe(true);
      expect(await cache.get('apq:abc')).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});

import { closeRedisClient, createRedisClient } from '@mestres/cache';
import { ResponseCacheStore } from '../../src/response-cache/response-cache.store';
import { redisTestClient } from './redis-test-client';

describe(ResponseCacheStore.name, () => {
  let client: Awaited<ReturnType<typeof redisTestClient>>;
  const now = Date.now();

  beforeAll(async () => {
    client = await redisTestClient();
  });

  afterAll(() => client.dispose());

  it('serves an entry stored by another process from Redis, then from memory', async () => {
    const writer = new ResponseCacheStore(client.redis, { l1MaxBytes: 1_000_000 });
    const data = { product: { id: 'p1', name: 'Bourbon Amarelo' } };
    writer.set('k1', { data, computedAt: now, expiresAt: now + 60_000, tags: ['subgraph:catalog', 'key:p1'] }, JSON.stringify(data));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const reader = new ResponseCacheStore(client.redis, { l1MaxBytes: 1_000_000 });
    const fromRedis = await reader.get('k1');
    expect(fromRedis).toMatchObject({ kind: 'found', entry: { data, computedAt: now, tags: ['subgraph:catalog', 'key:p1'] } });
    const getSpy = jest.spyOn(client.redis, 'get');
    expect((await reader.get('k1')).kind).toBe('found');
    expect(getSpy).not.toHaveBeenCalled();
    getSpy.mockRestore();
  });

  it('misses an unknown or expired key', async () => {
    let clock = now;
    const store = new ResponseCacheStore(client.redis, { l1MaxBytes: 1_000_000 }, () => clock);
    expect((await store.get('nope')).kind).toBe('miss');
    store.set('short', { data: {}, computedAt: now, expiresAt: now + 1_000, tags: [] }, '{}');
    clock = now + 1_001;
    expect((await store.get('short')).kind).toBe('miss');
  });

  it('reports an error, not a crash, when Redis is down', async () => {
    const down = createRedisClient({ url: 'redis://127.0.0.1:1', connectionName: 'gateway-test-down' });
    try {
      const store = new ResponseCacheStore(down, { l1MaxBytes: 1_000_000 });
      expect((await store.get('k1')).kind).toBe('error');
      expect(() => store.set('k2', { data: {}, computedAt: now, expiresAt: now + 60_000, tags: [] }, '{}')).not.toThrow();
    } finally {
      await closeRedisClient(down);
    }
  });
});

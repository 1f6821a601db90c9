import { Logger } from '@nestjs/common';
import { CacheService, type CacheMetricsSink, type CacheModuleOptions, type CacheResult } from '@mestres/cache';
import { deferred, RedisTestContext } from './redis-test-context';

class RecordingSink implements CacheMetricsSink {
  readonly results: CacheResult[] = [];
  cacheResult(_cache: string, result: CacheResult): void {
    this.results.push(result);
  }
}

/** A loader that counts its runs and yields to the event loop like a real query would. */
function countingLoader<T>(value: T, pauseMs = 0) {
  const loader = async () => {
    loader.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return value;
  };
  loader.calls = 0;
  return loader;
}

describe(CacheService.name, () => {
  let redis: RedisTestContext;
  const options: CacheModuleOptions = { name: 'products', defaultTtlSeconds: 60 };

  beforeEach(() => {
    redis = new RedisTestContext();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await redis.dispose();
  });

  it('serves later reads from Redis after the first load', async () => {
    const sink = new RecordingSink();
    const cache = new CacheService(await redis.client(), options, sink);
    const loader = countingLoader({ slug: 'bourbon-amarelo', priceCents: 5900 });

    const first = await cache.getOrLoad({ namespace: 'product', id: 'bourbon-amarelo' }, loader);
    const second = await cache.getOrLoad({ namespace: 'product', id: 'bourbon-amarelo' }, loader);

    expect(first).toEqual({ slug: 'bourbon-amarelo', priceCents: 5900 });
    expect(second).toEqual(first);
    expect(loader.calls).toBe(1);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, errors: 0 });
    expect(sink.results).toEqual(['miss', 'hit']);
  });

  it('calls the loader again after invalidate(namespace), leaving other namespaces cached', async () => {
    const cache = new CacheService(await redis.client(), options);
    const products = countingLoader('product');
    const courses = countingLoader('course');
    await cache.getOrLoad({ namespace: 'product', id: 1 }, products);
    await cache.getOrLoad({ namespace: 'product', id: 2 }, products);
    await cache.getOrLoad({ namespace: 'course', id: 1 }, courses);

    await expect(cache.invalidate('product')).resolves.toBe(true);
    await cache.getOrLoad({ namespace: 'product', id: 1 }, products);
    await cache.getOrLoad({ namespace: 'product', id: 2 }, products);
    await cache.getOrLoad({ namespace: 'course', id: 1 }, courses);

    expect(products.calls).toBe(4);
    expect(courses.calls).toBe(1);
  });

  it('makes an invalidation by one replica visible to another on its next read', async () => {
    const replicaA = new CacheService(await redis.client(), options);
    const replicaB = new CacheService(await redis.client(), options);
    await replicaA.getOrLoad({ namespace: 'product', id: 1 }, async () => 'old price');
    await expect(replicaB.getOrLoad({ namespace: 'product', id: 1 }, async () => 'unused')).resolves.toBe('old price');

    await replicaA.invalidate('product');

    await expect(replicaB.getOrLoad({ namespace: 'product', id: 1 }, async () => 'new price')).resolves.toBe('new price');
  });

  it('never serves a value loaded before an invalidation that happened during the load', async () => {
    const cache = new CacheService(await redis.client(), options);
    const slowLoad = deferred<string>();
    const loaderStarted = deferred<void>();
    const inFlight = cache.getOrLoad({ namespace: 'product', id: 1 }, () => {
      loaderStarted.resolve(); // the version has been read by now
      return slowLoad.promise;
    });
    await loaderStarted.promise;

    await cache.invalidate('product');
    slowLoad.resolve('read before the update');
    await inFlight;

    await expect(cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'read after the update')).resolves.toBe('read after the update');
  });

  it('delete(namespace, id) reloads that entry only', async () => {
    const cache = new CacheService(await redis.client(), options);
    const loader = countingLoader('value');
    await cache.getOrLoad({ namespace: 'product', id: 1 }, loader);
    await cache.getOrLoad({ namespace: 'product', id: 2 }, loader);

    await expect(cache.delete('product', 1)).resolves.toBe(true);
    await cache.getOrLoad({ namespace: 'product', id: 1 }, loader);
    await cache.getOrLoad({ namespace: 'product', id: 2 }, loader);

    expect(loader.calls).toBe(3);
  });

  it('runs the loader once for 50 concurrent reads of one key', async () => {
    const cache = new CacheService(await redis.client(), options);
    const loader = countingLoader({ slug: 'catuai' }, 20);

    const results = await Promise.all(Array.from({ length: 50 }, () => cache.getOrLoad({ namespace: 'product', id: 'catuai' }, loader)));

    expect(loader.calls).toBe(1);
    expect(results).toHaveLength(50);
    expect(results.every((result) => result.slug === 'catuai')).toBe(true);
  });

  it('runs the loader once across two replicas reading one key 20 times each', async () => {
    // The lock guarantees one run as long as the holder finishes within lockWaitMs;
    // the generous wait keeps that true on a busy CI machine.
    const replicaOptions = { ...options, lockWaitMs: 5_000 };
    const replicaA = new CacheService(await redis.client(), replicaOptions);
    const replicaB = new CacheService(await redis.client(), replicaOptions);
    const loader = countingLoader({ slug: 'mundo-novo' }, 50);
    const key = { namespace: 'product', id: 'mundo-novo' };

    const reads = [replicaA, replicaB].flatMap((replica) => Array.from({ length: 20 }, () => replica.getOrLoad(key, loader)));
    const results = await Promise.all(reads);

    expect(loader.calls).toBe(1);
    expect(results.every((result) => result.slug === 'mundo-novo')).toBe(true);
    const [a, b] = [replicaA.stats(), replicaB.stats()];
    expect(a.misses + b.misses).toBe(20); // the loading replica's callers
    expect(a.hits + b.hits).toBe(20); // the waiting replica's callers, served from Redis
  });

  it('loads anyway when the lock holder has not delivered within lockWaitMs', async () => {
    const holder = new CacheService(await redis.client(), options);
    const waiter = new CacheService(await redis.client(), { ...options, lockWaitMs: 50 });
    const stuck = deferred<string>();
    const holding = deferred<void>();
    const key = { namespace: 'product', id: 1 };
    const held = holder.getOrLoad(key, () => {
      holding.resolve(); // the holder has the lock by now
      return stuck.promise;
    });
    await holding.promise;

    await expect(waiter.getOrLoad(key, async () => 'loaded by the waiter')).resolves.toBe('loaded by the waiter');

    stuck.resolve('loaded by the holder');
    await expect(held).resolves.toBe('loaded by the holder');
  });

  it('caches null results with the shorter negative TTL', async () => {
    const cache = new CacheService(await redis.client(), { ...options, defaultTtlSeconds: 3_600, negativeTtlSeconds: 30 });
    const loader = countingLoader(null);

    await expect(cache.getOrLoad({ namespace: 'product', id: 'no-such-slug' }, loader)).resolves.toBeNull();
    await expect(cache.getOrLoad({ namespace: 'product', id: 'no-such-slug' }, loader)).resolves.toBeNull();

    expect(loader.calls).toBe(1);
    const ttl = await (await redis.raw()).pttl(`${redis.keyPrefix}cache:val:product:no-such-slug`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(33_000);
  });

  it('stores entries with a TTL inside ttl ± jitter', async () => {
    const cache = new CacheService(await redis.client(), { ...options, defaultTtlSeconds: 1_000, jitterRatio: 0.1 });
    await cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'value', { ttlSeconds: 2_000 });
    const ttl = await (await redis.raw()).pttl(`${redis.keyPrefix}cache:val:product:1`);
    expect(ttl).toBeGreaterThan(1_790_000);
    expect(ttl).toBeLessThanOrEqual(2_200_000);
  });

  it('propagates loader errors unchanged and does not cache them', async () => {
    const cache = new CacheService(await redis.client(), options);
    const failure = new Error('relation "products" does not exist');
    await expect(
      cache.getOrLoad({ namespace: 'product', id: 1 }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);

    await expect(cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'recovered')).resolves.toBe('recovered');
  });

  it('returns the JSON shape of a value on the first load as on later hits', async () => {
    const cache = new CacheService(await redis.client(), options);
    const load = async () => ({ publishedAt: new Date('2026-03-01T12:00:00.000Z') });
    const first = await cache.getOrLoad({ namespace: 'course', id: 1 }, load);
    const second = await cache.getOrLoad({ namespace: 'course', id: 1 }, load);
    expect(first).toEqual({ publishedAt: '2026-03-01T12:00:00.000Z' });
    expect(second).toEqual(first);
  });

  describe('when Redis is unavailable', () => {
    it('serves loader values without throwing when Redis cannot be reached', async () => {
      const sink = new RecordingSink();
      const cache = new CacheService(redis.unreachableClient(), options, sink);
      const loader = countingLoader({ slug: 'geisha' });

      await expect(cache.getOrLoad({ namespace: 'product', id: 'geisha' }, loader)).resolves.toEqual({ slug: 'geisha' });
      await expect(cache.getOrLoad({ namespace: 'product', id: 'geisha' }, loader)).resolves.toEqual({ slug: 'geisha' });

      expect(loader.calls).toBe(2);
      expect(cache.stats()).toEqual({ hits: 0, misses: 0, errors: 2 });
      expect(sink.results).toEqual(['error', 'error']);
      await expect(cache.invalidate('product')).resolves.toBe(false);
    });

    it('keeps serving after its client is disconnected mid-test', async () => {
      const client = await redis.client();
      const sink = new RecordingSink();
      const cache = new CacheService(client, options, sink);
      const key = { namespace: 'product', id: 'topazio' };
      await cache.getOrLoad(key, async () => 'cached');
      await expect(cache.getOrLoad(key, async () => 'unused')).resolves.toBe('cached');

      client.disconnect();

      await expect(cache.getOrLoad(key, async () => 'from the database')).resolves.toBe('from the database');
      expect(sink.results).toEqual(['miss', 'hit', 'error']);
    });

    it('serves loader values when Redis stops answering mid-connection (command timeout)', async () => {
      const proxy = await redis.freezableProxy();
      const cache = new CacheService(await redis.client(proxy.url), options);
      const key = { namespace: 'product', id: 'acaia' };
      await cache.getOrLoad(key, async () => 'cached');

      proxy.freeze();

      await expect(cache.getOrLoad(key, async () => 'from the database')).resolves.toBe('from the database');
      expect(cache.stats()).toEqual({ hits: 0, misses: 1, errors: 1 });
    });
  });
});

import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { CacheMetricsSink, CacheResult } from './cache-metrics';
import { CacheService } from './cache.service';

/** What a fail-fast ioredis client looks like while Redis is away. */
function disconnectedRedis(): Redis {
  const refuse = () => Promise.reject(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
  return { status: 'reconnecting', incr: refuse, del: refuse, eval: refuse } as unknown as Redis;
}

class RecordingSink implements CacheMetricsSink {
  readonly results: Array<[string, CacheResult]> = [];
  cacheResult(cache: string, result: CacheResult): void {
    this.results.push([cache, result]);
  }
}

describe(CacheService.name, () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  describe('while Redis is unreachable', () => {
    it('serves loader values, counts errors and reports them to the metrics sink', async () => {
      const sink = new RecordingSink();
      const cache = new CacheService(disconnectedRedis(), { name: 'products', defaultTtlSeconds: 60 }, sink);

      await expect(cache.getOrLoad({ namespace: 'product', id: 1 }, async () => ({ id: 1 }))).resolves.toEqual({ id: 1 });
      await expect(cache.getOrLoad({ namespace: 'product', id: 2 }, async () => ({ id: 2 }))).resolves.toEqual({ id: 2 });

      expect(cache.stats()).toEqual({ hits: 0, misses: 0, errors: 2 });
      expect(sink.results).toEqual([
        ['products', 'error'],
        ['products', 'error'],
      ]);
    });

    it('logs the outage once rather than once per request', async () => {
      const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
      for (let id = 0; id < 5; id += 1) await cache.getOrLoad({ namespace: 'product', id }, async () => id);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/Redis unavailable.*reconnecting/);
    });

    it('still runs one loader for concurrent calls on the same key', async () => {
      const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
      let calls = 0;
      const loader = async () => {
        calls += 1;
        await new Promise((resolve) => setImmediate(resolve));
        return { slug: 'bourbon' };
      };
      const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrLoad({ namespace: 'product', id: 'bourbon' }, loader)));
      expect(calls).toBe(1);
      expect(results.every((result) => result.slug === 'bourbon')).toBe(true);
      expect(new Set(results).size).toBe(10); // each caller gets its own copy
    });

    it('propagates the loader error unchanged', async () => {
      const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
      const failure = new Error('database is down too');
      await expect(
        cache.getOrLoad({ namespace: 'product', id: 1 }, async () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
    });

    it('returns values in their JSON shape, as a hit would', async () => {
      const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
      const value = await cache.getOrLoad({ namespace: 'order', id: 1 }, async () => ({ at: new Date('2026-05-01T00:00:00.000Z') }));
      expect(value).toEqual({ at: '2026-05-01T00:00:00.000Z' });
    });

    it('reports failed invalidation and deletion instead of throwing', async () => {
      const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
      await expect(cache.invalidate('product')).resolves.toBe(false);
      await expect(cache.delete('product', 1)).resolves.toBe(false);
      expect(error).toHaveBeenCalledTimes(2);
    });
  });

  it('keeps serving when the metrics sink throws', async () => {
    const sink: CacheMetricsSink = {
      cacheResult: () => {
        throw new Error('registry closed');
      },
    };
    const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 }, sink);
    await expect(cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'value')).resolves.toBe('value');
  });

  it('rejects a namespace containing the key separator', async () => {
    const cache = new CacheService(disconnectedRedis(), { defaultTtlSeconds: 60 });
    await expect(cache.getOrLoad({ namespace: 'a:b', id: 1 }, async () => 1)).rejects.toThrow(/Invalid cache namespace/);
  });

  it('refuses invalid options at construction', () => {
    expect(() => new CacheService(disconnectedRedis(), { defaultTtlSeconds: -5 })).toThrow(/defaultTtlSeconds/);
  });
});

import { resolveCacheOptions } from './cache-module-options';

describe(resolveCacheOptions.name, () => {
  it('fills in defaults, capping the negative TTL at the entry TTL', () => {
    expect(resolveCacheOptions({ defaultTtlSeconds: 10 })).toEqual({
      name: 'default',
      defaultTtlSeconds: 10,
      jitterRatio: 0.1,
      negativeTtlSeconds: 10,
      lockTtlMs: 5_000,
      lockWaitMs: 1_000,
    });
    expect(resolveCacheOptions({ defaultTtlSeconds: 600 }).negativeTtlSeconds).toBe(30);
  });

  it('names every invalid option in one error', () => {
    const attempt = () => resolveCacheOptions({ name: 'products', defaultTtlSeconds: 0, jitterRatio: 1.5, lockTtlMs: -1 });
    expect(attempt).toThrow(/Cache "products".*defaultTtlSeconds.*jitterRatio.*lockTtlMs/);
  });
});

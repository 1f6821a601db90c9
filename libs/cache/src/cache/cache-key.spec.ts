import { cacheRedisKeys } from './cache-key';

describe('cacheRedisKeys', () => {
  it('accepts namespaces made of letters, digits, "_", "." and "-"', () => {
    expect(() => cacheRedisKeys.assertNamespace('product-by-slug.v2_pt')).not.toThrow();
  });

  it('rejects namespaces that could collide through the ":" separator or are empty', () => {
    expect(() => cacheRedisKeys.assertNamespace('product:slug')).toThrow(/Invalid cache namespace/);
    expect(() => cacheRedisKeys.assertNamespace('')).toThrow(/Invalid cache namespace/);
  });

  it('keeps version, value and lock keys of one namespace apart', () => {
    const keys = new Set([cacheRedisKeys.version('p'), cacheRedisKeys.value('p', '1'), cacheRedisKeys.lock('p', '1')]);
    expect(keys.size).toBe(3);
  });
});

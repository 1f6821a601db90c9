/** Identifies one cached value: `{ namespace: 'product-by-slug', id: slug }`. */
export interface CacheKey {
  /** Unit of invalidation; letters, digits, `_`, `.`, `-` only. */
  namespace: string;
  /** Anything; composite ids are joined by the caller, e.g. `${locale}:${slug}`. */
  id: string | number;
}

const NAMESPACE = /^[A-Za-z0-9_.-]+$/;

/** Redis key layout, all under the client's `keyPrefix`. */
export const cacheRedisKeys = {
  /** Current version of a namespace; INCR'd by `invalidate`. Never expires. */
  version: (namespace: string) => `cache:ver:${namespace}`,
  value: (namespace: string, id: string) => `cache:val:${namespace}:${id}`,
  lock: (namespace: string, id: string) => `cache:lock:${namespace}:${id}`,
  /** Throws on a namespace that could collide with another through the `:` separator. */
  assertNamespace(namespace: string): void {
    if (!NAMESPACE.test(namespace)) {
      throw new Error(`Invalid cache namespace "${namespace}": use letters, digits, "_", "." or "-"`);
    }
  },
};

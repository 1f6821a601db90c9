import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CacheService } from '@mestres/cache';
import { CatalogSettings } from './catalog-settings';

/** Units of invalidation: one namespace per kind of cached read. */
export const CatalogCacheNamespace = {
  PRODUCTS: 'catalog.products',
  LISTS: 'catalog.lists',
  SEARCH: 'catalog.search',
} as const;

/**
 * The catalog's read-through cache (Redis, shared by replicas). Product pages live long; list
 * and search pages live shorter because they depend on stock through the `inStock` filter.
 *
 * Invalidation is coarse on purpose: admin writes are rare, so any product write bumps the
 * product, list and search namespaces and the next read of anything reloads (a price change
 * is visible on the very next read). Stock movements only bump lists and search, and only
 * when a SKU crosses between available and sold out.
 */
@Injectable()
export class CatalogCache {
  constructor(
    private readonly cache: CacheService,
    private readonly settings: CatalogSettings,
  ) {}

  product<T>(id: string, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad({ namespace: CatalogCacheNamespace.PRODUCTS, id }, load, { ttlSeconds: this.settings.productCacheTtlSeconds });
  }

  list<T>(args: unknown, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad({ namespace: CatalogCacheNamespace.LISTS, id: digest(args) }, load, { ttlSeconds: this.settings.listCacheTtlSeconds });
  }

  search<T>(args: unknown, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad({ namespace: CatalogCacheNamespace.SEARCH, id: digest(args) }, load, { ttlSeconds: this.settings.listCacheTtlSeconds });
  }

  /** After a product write commits: every product, list and search page reloads. */
  async productsChanged(): Promise<void> {
    await Promise.all([
      this.cache.invalidate(CatalogCacheNamespace.PRODUCTS),
      this.cache.invalidate(CatalogCacheNamespace.LISTS),
      this.cache.invalidate(CatalogCacheNamespace.SEARCH),
    ]);
  }

  /** After a SKU became available or sold out: lists filtered by `inStock` reload. */
  async availabilityChanged(): Promise<void> {
    await Promise.all([this.cache.invalidate(CatalogCacheNamespace.LISTS), this.cache.invalidate(CatalogCacheNamespace.SEARCH)]);
  }
}

/** Cache id of a list request: a hash of its normalized arguments (user text never forms a key verbatim). */
function digest(args: unknown): string {
  return createHash('sha256').update(JSON.stringify(args)).digest('base64url');
}

import type { CatalogConfig } from '../config';

/** The tunables the catalog's features read, taken from the validated config once. */
export class CatalogSettings {
  constructor(
    readonly productCacheTtlSeconds = 300,
    readonly listCacheTtlSeconds = 60,
    readonly httpCacheMaxAgeSeconds = 60,
  ) {}

  static fromConfig(config: CatalogConfig): CatalogSettings {
    return new CatalogSettings(
      config.CATALOG_PRODUCT_CACHE_TTL_SECONDS,
      config.CATALOG_LIST_CACHE_TTL_SECONDS,
      config.CATALOG_HTTP_CACHE_MAX_AGE_SECONDS,
    );
  }

  /** Cache-control hint of public catalog reads, which the gateway may cache and share. */
  get publicHint(): { maxAge: number; scope: 'PUBLIC' } {
    return { maxAge: this.httpCacheMaxAgeSeconds, scope: 'PUBLIC' };
  }
}

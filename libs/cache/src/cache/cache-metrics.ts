/**
 * Outcome of one `getOrLoad` call, counted once per call (callers that joined a lookup already
 * running in the process count that lookup's outcome):
 * - `hit`: served from Redis, including a value another replica loaded while this one waited
 *   on its lock;
 * - `miss`: Redis answered but held no current entry, so the loader ran;
 * - `error`: Redis was unavailable or failed during the call; the value came from the loader.
 */
export type CacheResult = 'hit' | 'miss' | 'error';

/**
 * Where cache outcomes are counted. Structurally matches `Metrics.cacheResult` of
 * `@mestres/observability`, so an app binds it with
 * `{ provide: CACHE_METRICS, useExisting: Metrics }` in a global module.
 */
export interface CacheMetricsSink {
  cacheResult(cache: string, result: CacheResult): void;
}

/** Optional injection token of the {@link CacheMetricsSink}; without a provider nothing is reported. */
export const CACHE_METRICS = Symbol('CACHE_METRICS');

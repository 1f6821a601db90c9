/** Options of one `CacheService` (one per `CacheModule.forRoot` import). */
export interface CacheModuleOptions {
  /** Label used in metrics and logs, e.g. `products`. Default `default`. */
  name?: string;
  /** Lifetime of a cached value unless `getOrLoad` overrides it. */
  defaultTtlSeconds: number;
  /** Each TTL is spread uniformly over `ttl * (1 ± jitterRatio)` so entries do not expire together. Default 0.1. */
  jitterRatio?: number;
  /** Lifetime of a cached `null`/`undefined` (negative caching). Default `min(30, ttl)`, never above the entry's TTL. */
  negativeTtlSeconds?: number;
  /** How long one replica's load lock lives; should exceed a normal loader run. Default 5000. */
  lockTtlMs?: number;
  /** How long other replicas wait for the lock holder's value before loading themselves. Default 1000. */
  lockWaitMs?: number;
}

/** Injection token of the options given to `CacheModule.forRoot`. */
export const CACHE_MODULE_OPTIONS = Symbol('CACHE_MODULE_OPTIONS');

export type ResolvedCacheOptions = Required<CacheModuleOptions>;

/** Applies defaults and rejects nonsense at boot rather than at the first request. */
export function resolveCacheOptions(options: CacheModuleOptions): ResolvedCacheOptions {
  const resolved: ResolvedCacheOptions = {
    name: options.name ?? 'default',
    defaultTtlSeconds: options.defaultTtlSeconds,
    jitterRatio: options.jitterRatio ?? 0.1,
    negativeTtlSeconds: options.negativeTtlSeconds ?? Math.min(30, options.defaultTtlSeconds),
    lockTtlMs: options.lockTtlMs ?? 5_000,
    lockWaitMs: options.lockWaitMs ?? 1_000,
  };
  const problems: string[] = [];
  if (!(resolved.defaultTtlSeconds > 0)) problems.push('defaultTtlSeconds must be > 0');
  if (!(resolved.jitterRatio >= 0 && resolved.jitterRatio < 1)) problems.push('jitterRatio must be in [0, 1)');
  if (!(resolved.negativeTtlSeconds > 0)) problems.push('negativeTtlSeconds must be > 0');
  if (!(resolved.lockTtlMs > 0)) problems.push('lockTtlMs must be > 0');
  if (!(resolved.lockWaitMs >= 0)) problems.push('lockWaitMs must be >= 0');
  if (problems.length > 0) throw new Error(`Cache "${resolved.name}": ${problems.join('; ')}`);
  return resolved;
}

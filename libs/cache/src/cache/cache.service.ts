import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Redis } from 'ioredis';
import { InjectRedis } from '../redis/redis.tokens';
import { ThrottledWarning } from '../shared/throttled-warning';
import { cacheEntry } from './cache-entry';
import { type CacheKey, cacheRedisKeys } from './cache-key';
import { CACHE_METRICS, type CacheMetricsSink, type CacheResult } from './cache-metrics';
import { CACHE_MODULE_OPTIONS, type CacheModuleOptions, resolveCacheOptions, type ResolvedCacheOptions } from './cache-module-options';
import { CacheStore } from './cache.store';
import { jitteredTtlMs } from './ttl-jitter';

/** Per-call options of {@link CacheService.getOrLoad}. */
export interface GetOrLoadOptions {
  /** Overrides the cache's `defaultTtlSeconds` for this entry. */
  ttlSeconds?: number;
}

/** Outcome counts of this process, since start. */
export interface CacheStats {
  hits: number;
  misses: number;
  errors: number;
}

/** How one lookup ended: the JSON payload to hand out, or the loader's error to rethrow. */
type Settled = { result: CacheResult; ok: true; payload: string } | { result: CacheResult; ok: false; error: unknown };

const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 100;
const REDIS_WARNING_INTERVAL_MS = 30_000;

/**
 * Read-through cache over the shared Redis client.
 *
 * - Values are stored as JSON and every result (hit, miss or Redis down) has been through
 *   JSON, so callers see one shape: cache plain DTOs; a `Date` comes back as an ISO string.
 * - `null`/`undefined` results are cached too, for `negativeTtlSeconds`, so repeated lookups
 *   of unknown ids do not reach the database.
 * - Invalidation is per namespace: {@link invalidate} bumps a version stored in Redis, and
 *   entries written under an older version are never served again (they are overwritten by the
 *   next load or expire by TTL). Every replica sees it on its next read: there is no local
 *   copy of versions to go stale.
 * - Stampedes: concurrent calls for one key in a process share one loader run; across
 *   replicas a short Redis lock lets one replica load while the others poll for its value for
 *   up to `lockWaitMs`, then load themselves rather than fail.
 * - Redis trouble (not connected, command error, command timeout) never reaches the
 *   caller: the loader is called directly, the outcome is counted as `error`, and a warning is
 *   logged at most every 30 s. Loader errors propagate unchanged and are never cached.
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger(CacheService.name);
  private readonly redisWarning = new ThrottledWarning(this.logger, REDIS_WARNING_INTERVAL_MS);
  private readonly options: ResolvedCacheOptions;
  private readonly store: CacheStore;
  /** namespace -> id -> the running lookup that callers in this process join. */
  private readonly inFlight = new Map<string, Map<string, Promise<Settled>>>();
  private readonly counts: CacheStats = { hits: 0, misses: 0, errors: 0 };

  constructor(
    @InjectRedis() redis: Redis,
    @Inject(CACHE_MODULE_OPTIONS) options: CacheModuleOptions,
    @Optional() @Inject(CACHE_METRICS) private readonly metrics?: CacheMetricsSink,
  ) {
    this.options = resolveCacheOptions(options);
    this.store = new CacheStore(redis);
  }

  /** The cache's label in metrics and logs. */
  get name(): string {
    return this.options.name;
  }

  /**
   * Returns the cached value for `key`, or runs `loader`, caches its result and returns it.
   * Callers that join a lookup already running in this process get that lookup's result
   * (its loader and TTL win), each as its own deserialized copy.
   *
   * @throws whatever `loader` throws; never a Redis error.
   */
  async getOrLoad<T>(key: CacheKey, loader: () => Promise<T>, options: GetOrLoadOptions = {}): Promise<T> {
    cacheRedisKeys.assertNamespace(key.namespace);
    const id = String(key.id);
    const ttlSeconds = options.ttlSeconds ?? this.options.defaultTtlSeconds;
    const settled = await this.joinOrStart(key.namespace, id, () => this.lookup(key.namespace, id, loader, ttlSeconds));
    this.record(settled.result);
    if (!settled.ok) throw settled.error;
    return cacheEntry.deserialize<T>(settled.payload);
  }

  /**
   * Makes every entry of `namespace` unreachable at once, on all replicas, by bumping its
   * version in Redis; call it after the database change has committed. Race-free against
   * concurrent loads: a load that read the old version tags its entry with it, so the entry
   * is never served.
   *
   * @returns false if Redis could not be reached: entries then stay readable until their TTL
   * once Redis is back. Never throws.
   */
  async invalidate(namespace: string): Promise<boolean> {
    cacheRedisKeys.assertNamespace(namespace);
    try {
      await this.store.bumpVersion(namespace);
      return true;
    } catch (error) {
      this.logger.error(`Cache "${this.name}": invalidating "${namespace}" failed, entries may be stale until their TTL: ${describe(error)}`);
      return false;
    } finally {
      // Callers arriving after this point must not join a lookup that started before it.
      this.inFlight.delete(namespace);
    }
  }

  /**
   * Deletes one entry. Cheaper than {@link invalidate} but best effort: a load that read the
   * database just before the change and writes just after this delete can put the old value
   * back until its TTL. Prefer `invalidate` where that matters.
   *
   * @returns false if Redis could not be reached. Never throws.
   */
  async delete(namespace: string, id: string | number): Promise<boolean> {
    cacheRedisKeys.assertNamespace(namespace);
    const key = String(id);
    try {
      await this.store.remove(namespace, key);
      return true;
    } catch (error) {
      this.logger.error(`Cache "${this.name}": deleting "${namespace}:${key}" failed: ${describe(error)}`);
      return false;
    } finally {
      this.inFlight.get(namespace)?.delete(key);
    }
  }

  /** Hit, miss and error counts of `getOrLoad` calls in this process. */
  stats(): CacheStats {
    return { ...this.counts };
  }

  private joinOrStart(namespace: string, id: string, start: () => Promise<Settled>): Promise<Settled> {
    let running = this.inFlight.get(namespace);
    if (!running) {
      running = new Map();
      this.inFlight.set(namespace, running);
    }
    const existing = running.get(id);
    if (existing) return existing;
    const promise: Promise<Settled> = start().finally(() => {
      const current = this.inFlight.get(namespace);
      if (current?.get(id) !== promise) return;
      current.delete(id);
      if (current.size === 0) this.inFlight.delete(namespace);
    });
    running.set(id, promise);
    return promise;
  }

  private async lookup(namespace: string, id: string, loader: () => Promise<unknown>, ttlSeconds: number): Promise<Settled> {
    // With the offline queue off, commands would fail anyway; skip them and the error noise.
    if (this.store.status !== 'ready') return this.bypass(loader, new Error(`Redis connection is ${this.store.status}`));
    try {
      const found = await this.store.read(namespace, id);
      if (found.payload !== undefined) return { result: 'hit', ok: true, payload: found.payload };
    } catch (error) {
      return this.bypass(loader, error);
    }
    return this.loadUnderLock(namespace, id, loader, ttlSeconds);
  }

  private async loadUnderLock(namespace: string, id: string, loader: () => Promise<unknown>, ttlSeconds: number): Promise<Settled> {
    const token = randomUUID();
    const deadline = Date.now() + this.options.lockWaitMs;
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      let attempt;
      try {
        attempt = await this.store.lockAndRead(namespace, id, token, this.options.lockTtlMs);
      } catch (error) {
        return this.bypass(loader, error);
      }
      if (attempt.payload !== undefined) {
        if (attempt.locked) this.store.unlock(namespace, id, token).catch((error: unknown) => this.warnRedis(error));
        return { result: 'hit', ok: true, payload: attempt.payload };
      }
      if (attempt.locked) return this.loadAndStore(namespace, id, loader, ttlSeconds, attempt.version, token);
      const remaining = deadline - Date.now();
      // The holder is slow or gone: load without the lock rather than keep the caller waiting.
      if (remaining <= 0) return this.loadAndStore(namespace, id, loader, ttlSeconds, attempt.version, undefined);
      await sleep(Math.min(pause, remaining));
    }
  }

  private async loadAndStore(
    namespace: string,
    id: string,
    loader: () => Promise<unknown>,
    ttlSeconds: number,
    version: string,
    lockToken: string | undefined,
  ): Promise<Settled> {
    let payload: string;
    try {
      payload = cacheEntry.serialize(await loader());
    } catch (error) {
      if (lockToken !== undefined) this.store.unlock(namespace, id, lockToken).catch((unlockError: unknown) => this.warnRedis(unlockError));
      return { result: 'miss', ok: false, error };
    }
    const ttl = cacheEntry.isEmpty(payload) ? Math.min(this.options.negativeTtlSeconds, ttlSeconds) : ttlSeconds;
    try {
      await this.store.write(namespace, id, version, payload, jitteredTtlMs(ttl, this.options.jitterRatio), lockToken);
      return { result: 'miss', ok: true, payload };
    } catch (error) {
      this.warnRedis(error);
      return { result: 'error', ok: true, payload };
    }
  }

  /** Redis is unusable for this lookup: serve straight from the loader. */
  private async bypass(loader: () => Promise<unknown>, redisError: unknown): Promise<Settled> {
    this.warnRedis(redisError);
    try {
      return { result: 'error', ok: true, payload: cacheEntry.serialize(await loader()) };
    } catch (error) {
      return { result: 'error', ok: false, error };
    }
  }

  private record(result: CacheResult): void {
    if (result === 'hit') this.counts.hits += 1;
    else if (result === 'miss') this.counts.misses += 1;
    else this.counts.errors += 1;
    try {
      this.metrics?.cacheResult(this.name, result);
    } catch (error) {
      this.logger.warn(`Cache "${this.name}": metrics sink failed: ${describe(error)}`);
    }
  }

  private warnRedis(error: unknown): void {
    this.redisWarning.warn(`Cache "${this.name}": Redis unavailable, reading through to the loader`, error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

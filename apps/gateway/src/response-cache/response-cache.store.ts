import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A cached response: the `data` of a public query result and what decides its freshness. */
export interface CachedResponse {
  data: Record<string, unknown>;
  /** When the request that computed it started (epoch ms). */
  computedAt: number;
  expiresAt: number;
  tags: string[];
}

export type CacheRead = { kind: 'found'; entry: CachedResponse } | { kind: 'miss' } | { kind: 'error' };

interface StoredEntry extends CachedResponse {
  size: number;
}

export interface ResponseCacheStoreOptions {
  /** Bytes the in-process layer may hold. */
  l1MaxBytes: number;
}

/**
 * Two layers: an in-process LRU (no I/O, parsed once) in front of Redis (shared by every
 * worker and pod). Redis holds `{"c":computedAt,"e":expiresAt,"t":[tags],"d":data}`; a
 * Redis failure reads as a miss, reported as `error`, and writes are fire-and-forget.
 */
export class ResponseCacheStore {
  private readonly l1: LRUCache<string, StoredEntry>;

  constructor(
    private readonly redis: Redis,
    options: ResponseCacheStoreOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.l1 = new LRUCache<string, StoredEntry>({ maxSize: options.l1MaxBytes, sizeCalculation: (entry) => entry.size });
  }

  async get(key: string): Promise<CacheRead> {
    const local = this.l1.get(key);
    if (local && local.expiresAt > this.now()) return { kind: 'found', entry: local };
    if (local) this.l1.delete(key);
    let raw: string | null;
    try {
      raw = await this.redis.get(redisKey(key));
    } catch {
      return { kind: 'error' };
    }
    if (raw === null) return { kind: 'miss' };
    const stored = parseStored(raw);
    if (!stored || stored.expiresAt <= this.now()) return { kind: 'miss' };
    this.l1.set(key, stored);
    return { kind: 'found', entry: stored };
  }

  /** Stores `entry`, whose data serialises to `dataJson` (already computed by the caller). */
  set(key: string, entry: CachedResponse, dataJson: string): void {
    const ttlMs = entry.expiresAt - this.now();
    if (ttlMs <= 0) return;
    const serialized = `{"c":${entry.computedAt},"e":${entry.expiresAt},"t":${JSON.stringify(entry.tags)},"d":${dataJson}}`;
    this.l1.set(key, { ...entry, size: serialized.length });
    this.redis.set(redisKey(key), serialized, 'PX', ttlMs).catch(() => undefined);
  }
}

function redisKey(key: string): string {
  return `gateway:rc:${key}`;
}

function parseStored(raw: string): StoredEntry | undefined {
  try {
    const parsed = JSON.parse(raw) as { c: number; e: number; t: string[]; d: Record<string, unknown> };
    return { computedAt: parsed.c, expiresAt: parsed.e, tags: parsed.t, data: parsed.d, size: raw.length };
  } catch {
    return undefined;
  }
}

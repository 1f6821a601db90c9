import type { ChainableCommander, Redis } from 'ioredis';
import { cacheEntry } from './cache-entry';
import { cacheRedisKeys as keys } from './cache-key';

/** What Redis holds for one key: the namespace version and the entry's payload if current. */
export interface CacheLookup {
  version: string;
  payload: string | undefined;
}

/** Deletes the lock only if we still own it, so a slow loader never frees another replica's lock. */
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The Redis side of `CacheService`, one method per round trip. Every method rejects on any
 * Redis failure; deciding what a failure means is the service's job.
 */
export class CacheStore {
  constructor(private readonly redis: Redis) {}

  get status(): string {
    return this.redis.status;
  }

  /**
   * One round trip: the namespace version and the entry are two pipelined GETs. That works
   * because the version is stored inside the entry, not in its key name; with the version in
   * the key name the second GET depends on the first, which takes two round trips or a Lua
   * script reading a key not passed in KEYS (undefined behaviour on Redis Cluster). Costs of
   * this choice: the first read after an invalidation transfers the stale entry once, and a
   * load that started before an invalidation may overwrite a fresher entry with one tagged by
   * the old version, which the next read treats as a miss (an extra load, never a stale read).
   */
  async read(namespace: string, id: string): Promise<CacheLookup> {
    const [version, raw] = await exec(this.redis.pipeline().get(keys.version(namespace)).get(keys.value(namespace, id)));
    return lookup(version, raw);
  }

  /**
   * Tries to take the load lock and re-reads the entry in the same round trip: the re-read
   * catches a value written by the previous lock holder between our first read and this call.
   */
  async lockAndRead(namespace: string, id: string, token: string, lockTtlMs: number): Promise<CacheLookup & { locked: boolean }> {
    const [locked, version, raw] = await exec(
      this.redis
        .pipeline()
        .set(keys.lock(namespace, id), token, 'PX', lockTtlMs, 'NX')
        .get(keys.version(namespace))
        .get(keys.value(namespace, id)),
    );
    return { locked: locked === 'OK', ...lookup(version, raw) };
  }

  /** Stores the value tagged with the version read before loading, and releases our lock. */
  async write(namespace: string, id: string, version: string, payload: string, ttlMs: number, lockToken?: string): Promise<void> {
    const pipeline = this.redis.pipeline().set(keys.value(namespace, id), cacheEntry.encode(version, payload), 'PX', ttlMs);
    if (lockToken !== undefined) pipeline.eval(RELEASE_LOCK, 1, keys.lock(namespace, id), lockToken);
    await exec(pipeline);
  }

  async unlock(namespace: string, id: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_LOCK, 1, keys.lock(namespace, id), token);
  }

  async bumpVersion(namespace: string): Promise<void> {
    await this.redis.incr(keys.version(namespace));
  }

  async remove(namespace: string, id: string): Promise<void> {
    await this.redis.del(keys.value(namespace, id));
  }
}

function lookup(version: unknown, raw: unknown): CacheLookup {
  // A namespace never invalidated has no version key yet; its entries are tagged "0".
  const current = typeof version === 'string' ? version : '0';
  return { version: current, payload: cacheEntry.decode(typeof raw === 'string' ? raw : null, current) };
}

/** Runs a pipeline and rejects with the first command error (ioredis reports them per command). */
async function exec(pipeline: ChainableCommander): Promise<unknown[]> {
  const results = await pipeline.exec();
  if (results === null) throw new Error('Redis pipeline was discarded');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

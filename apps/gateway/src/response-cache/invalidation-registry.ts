import { MANY_KEYS_TAG } from './cache-tags';

/**
 * When each tag was last invalidated, as seen by this process. A cached response is fresh
 * when it was computed (the request started) after every invalidation of its tags, and after
 * the moment this process started trusting the invalidation feed: events missed while the
 * feed was down, or before this process subscribed, are unknown, so anything computed before
 * then is not trusted. Comparing against the request's start (not when it was stored) keeps
 * a response computed from pre-change data from passing as fresh.
 */
export class InvalidationRegistry {
  private readonly invalidatedAt = new Map<string, number>();
  private trustedSince = Number.POSITIVE_INFINITY;
  private lastInvalidatedAt = 0;

  constructor(
    /** Entries never outlive this, so older invalidations can be forgotten. */
    private readonly maxTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called once the feed is live (subscribed, or reconnected after an outage). */
  trustFrom(at: number = this.now()): void {
    this.trustedSince = at;
  }

  /** Called when the feed is lost (disconnect, shutdown): nothing is trusted until `trustFrom`. */
  distrustAll(): void {
    this.trustedSince = Number.POSITIVE_INFINITY;
  }

  get trusting(): boolean {
    return Number.isFinite(this.trustedSince);
  }

  invalidate(tags: Iterable<string>, at: number = this.now()): void {
    this.lastInvalidatedAt = Math.max(this.lastInvalidatedAt, at);
    let entity = false;
    for (const tag of tags) {
      this.invalidatedAt.set(tag, Math.max(at, this.invalidatedAt.get(tag) ?? 0));
      entity ||= tag.startsWith('key:');
    }
    if (entity) this.invalidatedAt.set(MANY_KEYS_TAG, Math.max(at, this.invalidatedAt.get(MANY_KEYS_TAG) ?? 0));
  }

  /** True when anything was invalidated at or after `at` (whatever the tags). */
  invalidatedSince(at: number): boolean {
    return this.lastInvalidatedAt >= at;
  }

  isFresh(computedAt: number, tags: readonly string[]): boolean {
    if (computedAt <= this.trustedSince) return false;
    for (const tag of tags) {
      const invalidated = this.invalidatedAt.get(tag);
      if (invalidated !== undefined && invalidated >= computedAt) return false;
    }
    return true;
  }

  /** Forgets invalidations older than any entry can be. */
  prune(): void {
    const horizon = this.now() - this.maxTtlMs;
    for (const [tag, at] of this.invalidatedAt) if (at < horizon) this.invalidatedAt.delete(tag);
  }
}

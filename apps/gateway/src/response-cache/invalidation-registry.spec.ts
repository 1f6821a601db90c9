import { entityTag, subgraphTag } from './cache-tags';
import { InvalidationRegistry } from './invalidation-registry';

describe(InvalidationRegistry.name, () => {
  let now = 1_000;
  const registry = () => {
    const created = new InvalidationRegistry(60_000, () => now);
    created.trustFrom(500);
    return created;
  };

  it('trusts nothing before the invalidation feed is live', () => {
    const fresh = new InvalidationRegistry(60_000, () => now);
    expect(fresh.isFresh(900, [subgraphTag('catalog')])).toBe(false);
    fresh.trustFrom(800);
    expect(fresh.isFresh(900, [subgraphTag('catalog')])).toBe(true);
    expect(fresh.isFresh(700, [subgraphTag('catalog')])).toBe(false);
  });

  it('drops a response computed before one of its tags was invalidated, even if stored after', () => {
    const tags = registry();
    tags.invalidate([subgraphTag('catalog')], 1_000);
    expect(tags.isFresh(999, [subgraphTag('catalog'), entityTag('p1')])).toBe(false);
    expect(tags.isFresh(1_000, [subgraphTag('catalog')])).toBe(false);
    expect(tags.isFresh(1_001, [subgraphTag('catalog')])).toBe(true);
    expect(tags.isFresh(999, [subgraphTag('courses')])).toBe(true);
  });

  it('tells whether anything was invalidated since a moment, so no request joins a computation that predates it', () => {
    const tags = registry();
    expect(tags.invalidatedSince(900)).toBe(false);
    tags.invalidate([entityTag('sku-1')], 1_000);
    expect(tags.invalidatedSince(900)).toBe(true);
    expect(tags.invalidatedSince(1_000)).toBe(true);
    expect(tags.invalidatedSince(1_001)).toBe(false);
  });

  it('drops responses too large to track their keys on any entity invalidation', () => {
    const tags = registry();
    tags.invalidate([entityTag('sku-1')], 1_000);
    expect(tags.isFresh(999, ['key:*'])).toBe(false);
    expect(tags.isFresh(999, [entityTag('sku-2')])).toBe(true);
  });

  it('forgets invalidations older than the longest time to live', () => {
    const tags = registry();
    tags.invalidate([entityTag('sku-1')], 1_000);
    now = 1_000 + 60_001;
    tags.prune();
    expect(tags.isFresh(999, [entityTag('sku-1')])).toBe(true);
  });
});

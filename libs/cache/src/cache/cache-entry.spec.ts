import { cacheEntry } from './cache-entry';

describe('cacheEntry', () => {
  it('returns the payload of an entry written under the current version', () => {
    const raw = cacheEntry.encode('7', cacheEntry.serialize({ slug: 'catuai' }));
    expect(cacheEntry.decode(raw, '7')).toBe('{"slug":"catuai"}');
  });

  it('treats an entry written under an older version as absent', () => {
    const raw = cacheEntry.encode('6', cacheEntry.serialize({ slug: 'catuai' }));
    expect(cacheEntry.decode(raw, '7')).toBeUndefined();
  });

  it('treats a missing or foreign value as absent', () => {
    expect(cacheEntry.decode(null, '0')).toBeUndefined();
    expect(cacheEntry.decode('not-ours', '0')).toBeUndefined();
  });

  it('keeps payloads that themselves contain the separator', () => {
    const raw = cacheEntry.encode('0', cacheEntry.serialize('a:b:c'));
    expect(cacheEntry.deserialize(cacheEntry.decode(raw, '0')!)).toBe('a:b:c');
  });

  it('round-trips null and undefined and marks both as empty', () => {
    for (const value of [null, undefined]) {
      const payload = cacheEntry.serialize(value);
      expect(cacheEntry.isEmpty(payload)).toBe(true);
      expect(cacheEntry.deserialize(payload)).toBe(value);
    }
    expect(cacheEntry.isEmpty(cacheEntry.serialize('null'))).toBe(false);
    expect(cacheEntry.isEmpty(cacheEntry.serialize(0))).toBe(false);
  });

  it('turns dates into ISO strings, as documented', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(cacheEntry.deserialize(cacheEntry.serialize({ at }))).toEqual({ at: '2026-01-02T03:04:05.000Z' });
  });
});

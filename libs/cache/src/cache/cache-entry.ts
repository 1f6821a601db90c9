/**
 * Stored form of a value: `<namespace version>:<JSON>`. The version travels inside the value
 * (rather than in the key name) so one pipelined round trip can read both the namespace version
 * and the entry; an entry whose version differs from the namespace's is treated as absent.
 * An empty JSON part stands for `undefined`, which JSON cannot express.
 */
export const cacheEntry = {
  serialize(value: unknown): string {
    return JSON.stringify(value) ?? '';
  },

  deserialize<T>(payload: string): T {
    return (payload === '' ? undefined : JSON.parse(payload)) as T;
  },

  /** True for serialized `null`/`undefined`, which get the shorter negative TTL. */
  isEmpty(payload: string): boolean {
    return payload === '' || payload === 'null';
  },

  encode(version: string, payload: string): string {
    return `${version}:${payload}`;
  },

  /** The payload of `raw` if it was written under `version`, else `undefined` (stale, absent or foreign). */
  decode(raw: string | null, version: string): string | undefined {
    if (raw === null) return undefined;
    const separator = raw.indexOf(':');
    if (separator < 0 || raw.slice(0, separator) !== version) return undefined;
    return raw.slice(separator + 1);
  },
};

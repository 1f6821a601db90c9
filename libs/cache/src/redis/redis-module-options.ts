/** Options of the shared Redis connection. */
export interface RedisModuleOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. */
  url: string;
  /**
   * Prepended by ioredis to every key, e.g. `catalog:`. Keeps apps (and tests) that share one
   * Redis apart. ioredis does not apply it to SCAN/KEYS patterns or to Lua ARGV.
   */
  keyPrefix?: string;
  /** Shown by `CLIENT LIST`, e.g. `catalog`. */
  connectionName?: string;
}

export const RESPONSE_CACHE_SETTINGS = Symbol('RESPONSE_CACHE_SETTINGS');

export interface ResponseCacheSettings {
  enabled: boolean;
  maxTtlSeconds: number;
  l1MaxBytes: number;
  maxEntryBytes: number;
  natsServers: string[];
  natsPrefix: string;
}

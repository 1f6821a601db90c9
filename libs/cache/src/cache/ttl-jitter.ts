/**
 * `ttlSeconds * (1 ± ratio)` in milliseconds, uniformly spread, at least 1 ms, so entries
 * written together (after a deploy or an invalidation) do not all expire in the same instant.
 */
export function jitteredTtlMs(ttlSeconds: number, ratio: number, random: () => number = Math.random): number {
  const factor = 1 + (2 * random() - 1) * ratio;
  return Math.max(1, Math.round(ttlSeconds * 1_000 * factor));
}

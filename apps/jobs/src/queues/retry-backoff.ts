/** Name under which workers register {@link retryDelayMs} as BullMQ's custom backoff strategy. */
export const RETRY_BACKOFF_TYPE = 'jittered-exponential';

export interface RetryBackoffSettings {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
}

/**
 * Delay before retry number `attemptsMade` (1 after the first failure): exponential
 * (base, 2 x base, 4 x base ... capped at max) with "equal jitter": half of it fixed, half
 * random. The fixed half keeps the backoff growing; the random half spreads the retries of
 * jobs that failed together (an SMTP outage fails hundreds at once) so they do not all come
 * back in the same second.
 */
export function retryDelayMs(attemptsMade: number, settings: RetryBackoffSettings, random: () => number = Math.random): number {
  const exponent = Math.max(0, attemptsMade - 1);
  // 2 ** 60 would overflow the cap comparison into Infinity arithmetic; the cap is reached far earlier.
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 40));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

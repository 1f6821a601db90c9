const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 2_000;
const MAX_JITTER_MS = 100;

/**
 * ioredis `retryStrategy`: exponential backoff capped at about two seconds, with jitter so
 * replicas do not reconnect in lockstep. It always returns a number, so the client keeps
 * reconnecting for as long as the process lives; the cap keeps recovery prompt once Redis is back.
 */
export function reconnectBackoff(attempt: number, random: () => number = Math.random): number {
  const exponential = BASE_DELAY_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 10);
  return Math.min(exponential, MAX_DELAY_MS) + Math.floor(random() * MAX_JITTER_MS);
}

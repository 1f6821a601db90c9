/** One counter's state, as the rate-limit script reads it. */
export interface WindowCounts {
  /** Requests in the current fixed window, this one included. */
  current: number;
  /** Requests in the previous window. */
  previous: number;
  /** Milliseconds elapsed in the current window. */
  elapsedMs: number;
}

export type WindowDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-window-counter decision (Cloudflare's approximation of a true sliding log): the
 * previous window counts in proportion to how much of it the sliding window still covers.
 * Two integers per client instead of one timestamp per request.
 *
 * When refused, `retryAfterSeconds` is when the estimate falls back to the limit if the
 * client stops now: either the previous window's weight decays enough within this window,
 * or, failing that, once this window's own count has decayed enough in the next one.
 */
export function slidingWindowDecision(counts: WindowCounts, limit: number, windowMs: number): WindowDecision {
  const remainingShare = 1 - counts.elapsedMs / windowMs;
  const estimate = counts.previous * remainingShare + counts.current;
  if (estimate <= limit) return { allowed: true };

  // Within this window: previous * (1 - (elapsed + t) / W) + current <= limit.
  const excess = estimate - limit;
  if (counts.previous > 0) {
    const waitMs = (excess / counts.previous) * windowMs;
    if (counts.elapsedMs + waitMs <= windowMs) return refuse(waitMs);
  }
  // Next window: current * (1 - s / W) <= limit, from the start of the next window.
  const untilNextWindow = windowMs - counts.elapsedMs;
  const intoNext = counts.current <= limit ? 0 : (1 - limit / counts.current) * windowMs;
  return refuse(untilNextWindow + intoNext);
}

function refuse(waitMs: number): WindowDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

import { slidingWindowDecision } from './sliding-window';

const WINDOW = 60_000;

describe(slidingWindowDecision.name, () => {
  it('allows a client under the limit, counting the previous window by its remaining share', () => {
    // 100 * 0.5 + 50 = 100: exactly at the limit.
    expect(slidingWindowDecision({ current: 50, previous: 100, elapsedMs: 30_000 }, 100, WINDOW)).toEqual({ allowed: true });
  });

  it('refuses a client over the limit until the previous window has decayed enough', () => {
    // estimate 100 * 0.5 + 60 = 110; 10 excess / 100 per window = 6 s.
    expect(slidingWindowDecision({ current: 60, previous: 100, elapsedMs: 30_000 }, 100, WINDOW)).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('points to the next window when this window alone is over the limit', () => {
    // No previous traffic; 150 in this window: wait 40 s for the window to end, then 1/3 of the next.
    expect(slidingWindowDecision({ current: 150, previous: 0, elapsedMs: 20_000 }, 100, WINDOW)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('never asks to retry in less than a second', () => {
    expect(slidingWindowDecision({ current: 101, previous: 1000, elapsedMs: 59_999 }, 100, WINDOW)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

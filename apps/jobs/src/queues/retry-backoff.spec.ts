import { retryDelayMs } from './retry-backoff';

const settings = { baseMs: 1000, maxMs: 60_000 };

describe(retryDelayMs.name, () => {
  it('doubles the ceiling with every attempt', () => {
    const highest = (attempt: number) => retryDelayMs(attempt, settings, () => 1);
    expect([1, 2, 3, 4].map(highest)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('keeps half of the delay fixed and randomises the other half', () => {
    expect(retryDelayMs(3, settings, () => 0)).toBe(2000);
    expect(retryDelayMs(3, settings, () => 0.5)).toBe(3000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(retryDelayMs(50, settings, () => 1)).toBe(60_000);
    expect(retryDelayMs(5000, settings, () => 1)).toBe(60_000);
  });

  it('spreads jobs that failed together over different delays', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, settings)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

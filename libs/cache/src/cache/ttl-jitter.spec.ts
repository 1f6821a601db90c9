import { jitteredTtlMs } from './ttl-jitter';

describe(jitteredTtlMs.name, () => {
  it('stays within ttl * (1 ± ratio) at both extremes of the random source', () => {
    expect(jitteredTtlMs(60, 0.1, () => 0)).toBe(54_000);
    expect(jitteredTtlMs(60, 0.1, () => 0.999_999)).toBeLessThanOrEqual(66_000);
    expect(jitteredTtlMs(60, 0.1, () => 0.999_999)).toBeGreaterThan(65_990);
  });

  it('keeps every sample of the real random source inside the bounds and spreads them', () => {
    const samples = Array.from({ length: 2_000 }, () => jitteredTtlMs(100, 0.2));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(80_000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(120_000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('returns the exact ttl when the ratio is zero', () => {
    expect(jitteredTtlMs(30, 0, Math.random)).toBe(30_000);
  });

  it('never returns less than one millisecond', () => {
    expect(jitteredTtlMs(0.0001, 0.5, () => 0)).toBe(1);
  });
});

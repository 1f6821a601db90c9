import { histogramDelta, parseMetrics } from './prometheus';

const scrape = (count: number, buckets: [string, number][]) =>
  parseMetrics(
    [
      '# HELP d_seconds db time',
      ...buckets.map(([le, value]) => `d_seconds_bucket{le="${le}",kind="read",service="catalog"} ${value}`),
      `d_seconds_count{kind="read",service="catalog"} ${count}`,
      `d_seconds_sum{kind="read",service="catalog"} ${count * 0.004}`,
      'hits_total{result="hit",service="gateway"} 7',
      'hits_total{result="miss",service="gateway"} 3',
    ].join('\n'),
  );

describe(parseMetrics.name, () => {
  it('sums a series over the label sets that match', () => {
    const metrics = scrape(0, []);
    expect(metrics.sum('hits_total', { result: 'hit' })).toBe(7);
    expect(metrics.sum('hits_total')).toBe(10);
  });
});

describe(histogramDelta.name, () => {
  it('reports what was recorded between two scrapes, with an interpolated quantile', () => {
    const before = scrape(10, [['0.005', 10], ['0.01', 10], ['+Inf', 10]]);
    const after = scrape(110, [['0.005', 60], ['0.01', 110], ['+Inf', 110]]);
    const delta = histogramDelta(before, after, 'd_seconds');
    expect(delta.count).toBe(100);
    expect(delta.sum).toBeCloseTo(0.4);
    // 50 of 100 at or under 5 ms, all under 10 ms: the 95th is 9.5 ms.
    expect(delta.quantile(0.95)).toBeCloseTo(0.0095);
  });
});

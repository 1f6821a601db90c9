import { reconnectBackoff } from './reconnect-backoff';

describe(reconnectBackoff.name, () => {
  const noJitter = () => 0;

  it('backs off exponentially from 50 ms', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectBackoff(attempt, noJitter))).toEqual([50, 100, 200, 400]);
  });

  it('caps the delay and keeps returning one however long the outage lasts', () => {
    for (const attempt of [7, 50, 10_000]) {
      expect(reconnectBackoff(attempt, noJitter)).toBe(2_000);
      expect(reconnectBackoff(attempt, () => 0.999)).toBeLessThan(2_100);
    }
  });
});

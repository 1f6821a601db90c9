import { dueTime } from './job-workers';

describe(dueTime.name, () => {
  it('reads the slot of a scheduled run, not when the job was created', () => {
    // Created when the previous run started, due at the next slot.
    expect(dueTime({ timestamp: 1_000, opts: { prevMillis: 86_400_000, delay: 0 } })).toBe(86_400_000);
  });

  it('adds the original delay of a delayed job', () => {
    expect(dueTime({ timestamp: 1_000, opts: { delay: 5_000 } })).toBe(6_000);
  });

  it('is the enqueue time of a plain job', () => {
    expect(dueTime({ timestamp: 1_000, opts: {} })).toBe(1_000);
  });
});

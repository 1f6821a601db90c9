import { redeliveryDelayMs, retryDelayMs, Waker } from './backoff';

describe('retryDelayMs', () => {
  it('doubles per failure and never exceeds the cap', () => {
    const noJitter = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 50].map((failures) => retryDelayMs(failures, 200, 5000, noJitter))).toEqual([
      200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });

  it('spreads retries by up to 20% around the delay', () => {
    expect(retryDelayMs(2, 200, 5000, () => 0)).toBe(640);
    expect(retryDelayMs(2, 200, 5000, () => 0.999999)).toBe(960);
  });
});

describe('redeliveryDelayMs', () => {
  it('uses the n-th backoff value for the n-th failed delivery and repeats the last', () => {
    const backoff = [1000, 5000, 30000];
    expect([1, 2, 3, 4, 9].map((delivery) => redeliveryDelayMs(delivery, backoff))).toEqual([1000, 5000, 30000, 30000, 30000]);
  });
});

describe(Waker.name, () => {
  it('cuts a wait short when woken, and remembers a wake that came before the wait', async () => {
    const waker = new Waker();
    const waiting = waker.wait(60_000);
    waker.wake();
    await expect(waiting).resolves.toBeUndefined();
    waker.wake();
    await expect(waker.wait(60_000)).resolves.toBeUndefined();
  });
});

/**
 * Exponential delay for the n-th consecutive failure (0-based), capped, with +-20% jitter
 * so replicas that failed together do not retry in lockstep.
 */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(maxMs, jittered));
}

/** The redelivery delay after the n-th delivery failed (1-based); the last value repeats. */
export function redeliveryDelayMs(deliveryCount: number, backoffMs: readonly number[]): number {
  return backoffMs[Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1];
}

/** A sleep that `wake()` cuts short; used by loops that must react to stop and notifications. */
export class Waker {
  private pending = false;
  private resolve?: () => void;

  /** Resolves after `ms`, or at once when woken since the last wait. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.resolve = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resolve = done;
    });
  }

  wake(): void {
    if (this.resolve) this.resolve();
    else this.pending = true;
  }
}

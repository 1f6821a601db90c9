import type { CircuitState } from '../metrics/gateway-metrics';

export interface CircuitBreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a probe may go through. */
  openMs: number;
  /** Calls allowed at once while half-open. */
  halfOpenProbes: number;
}

/**
 * One subgraph's circuit. Closed: calls go through and consecutive failures are counted;
 * at the threshold it opens. Open: calls fail at once (no socket, no timeout to wait for)
 * until `openMs` has passed. Half-open: a few probe calls go through; the first success
 * closes the circuit, a failure opens it again for another `openMs`.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probes = 0;

  constructor(
    private readonly settings: CircuitBreakerSettings,
    private readonly onChange: (state: CircuitState) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** True when a call may go through now; the caller must then report its outcome. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.settings.openMs) return false;
      this.transition('half-open');
      this.probes = 0;
    }
    if (this.probes >= this.settings.halfOpenProbes) return false;
    this.probes++;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    if (this.current === 'half-open') {
      this.probes = 0;
      this.transition('closed');
    }
  }

  failed(): void {
    if (this.current === 'half-open') {
      this.open();
      return;
    }
    this.failures++;
    if (this.current === 'closed' && this.failures >= this.settings.failureThreshold) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.failures = 0;
    this.probes = 0;
    this.transition('open');
  }

  private transition(state: CircuitState): void {
    if (state === this.current) return;
    this.current = state;
    this.onChange(state);
  }
}

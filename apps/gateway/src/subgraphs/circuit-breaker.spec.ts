import { CircuitBreaker } from './circuit-breaker';

describe(CircuitBreaker.name, () => {
  let now = 0;
  const states: string[] = [];
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, halfOpenProbes: 1 }, (state) => states.push(state), () => now);

  beforeEach(() => {
    now = 0;
    states.length = 0;
  });

  it('opens after the threshold of consecutive failures and then fails fast', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) {
      expect(circuit.tryAcquire()).toBe(true);
      circuit.failed();
    }
    expect(circuit.state).toBe('open');
    expect(circuit.tryAcquire()).toBe(false);
  });

  it('does not open when failures are interrupted by a success', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    expect(circuit.state).toBe('closed');
  });

  it('lets one probe through after the open period and closes when it succeeds', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now = 1_000;
    expect(circuit.tryAcquire()).toBe(true);
    expect(circuit.state).toBe('half-open');
    expect(circuit.tryAcquire()).toBe(false);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again for another period when the probe fails', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now = 1_000;
    circuit.tryAcquire();
    circuit.failed();
    expect(circuit.state).toBe('open');
    now = 1_999;
    expect(circuit.tryAcquire()).toBe(false);
    now = 2_000;
    expect(circuit.tryAcquire()).toBe(true);
  });
});

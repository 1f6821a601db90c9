import { ThrottledWarning } from './throttled-warning';

describe(ThrottledWarning.name, () => {
  it('logs the first warning, swallows repeats within the interval and reports how many', () => {
    const lines: string[] = [];
    let now = 1_000;
    const warning = new ThrottledWarning({ warn: (line) => lines.push(line) }, 30_000, () => now);

    warning.warn('Redis down', new Error('ECONNREFUSED'));
    now += 10_000;
    warning.warn('Redis down', new Error('ECONNREFUSED'));
    warning.warn('Redis down', new Error('ECONNREFUSED'));
    expect(lines).toEqual(['Redis down: ECONNREFUSED']);

    now += 20_000;
    warning.warn('Redis down', new Error('timeout'));
    expect(lines).toEqual(['Redis down: ECONNREFUSED', 'Redis down: timeout (2 similar warnings suppressed)']);
  });
});

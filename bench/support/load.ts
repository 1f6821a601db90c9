import autocannon from 'autocannon';

export interface LoadSettings {
  url: string;
  connections: number;
  durationSeconds: number;
  /** One request shape, or several that each connection cycles through. */
  requests: Array<{ body: string; headers?: Record<string, string> }>;
  /** Counts a 2xx response whose body fails this as a mismatch (e.g. GraphQL errors). */
  verifyBody?: (body: string) => boolean;
  /** Return every response time too (to pool percentiles over several runs). */
  keepTimes?: boolean;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Milliseconds, over every response (not per-second samples). */
  latencyMs: LatencySummary;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** 2xx responses that failed `verifyBody`. */
  mismatches: number;
  /** Every response time in ms, when asked for. */
  times?: number[];
}

/**
 * Runs autocannon with `connections` concurrent keep-alive connections for the duration and
 * summarises it. Latency percentiles are computed from every response time (autocannon's
 * own summary has no p95).
 */
export async function runLoad(settings: LoadSettings): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: settings.url,
    method: 'POST',
    connections: settings.connections,
    duration: settings.durationSeconds,
    timeout: 30,
    requests: settings.requests.map((request) => ({
      method: 'POST',
      body: request.body,
      headers: { 'content-type': 'application/json', ...request.headers },
    })),
    verifyBody: settings.verifyBody,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await instance;
  const completed = times.length;
  return {
    requests: completed,
    durationSeconds: result.duration,
    requestsPerSecond: completed / result.duration,
    latencyMs: summarize(times),
    non2xx: result.non2xx,
    errors: result.errors,
    mismatches: result.mismatches,
    times: settings.keepTimes ? times : undefined,
  };
}

export function summarize(values: number[]): LatencySummary {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sum / sorted.length, max: sorted[sorted.length - 1] };
}

/** The body check of the public benchmark: no `"errors"` key anywhere. */
export const hasNoGraphqlErrors = (body: string): boolean => !body.includes('"errors"');

import { Injectable } from '@nestjs/common';
import { Counter, Gauge, register, type Metric } from 'prom-client';

/** `hit`: served from cache; `miss`: computed (and stored if cacheable); `error`: Redis failed, computed. */
export type ResponseCacheResult = 'hit' | 'miss' | 'error';
export type CircuitState = 'closed' | 'open' | 'half-open';

const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The gateway's own Prometheus series (the shared ones come from `@mestres/observability`).
 * Created once per process in prom-client's global registry, so they carry the `service`
 * label and survive several apps in one test process. Under the Node cluster the primary
 * aggregates workers: counters are summed, gauges use the aggregator noted on each.
 */
@Injectable()
export class GatewayMetrics {
  private readonly responseCache = counter(
    'mestres_gateway_response_cache_requests_total',
    'Response cache lookups of cacheable-looking operations (queries), by result',
    ['result'],
  );
  private readonly rateLimited = counter('mestres_gateway_rate_limited_total', 'Requests refused by a rate limit', ['limit']);
  private readonly rateLimitFailOpen = counter(
    'mestres_gateway_rate_limit_fail_open_total',
    'Requests let through unchecked because Redis could not be asked',
    [],
  );
  private readonly limitRejections = counter(
    'mestres_gateway_operation_rejected_total',
    'Operations refused before planning (depth, aliases, root fields, cost, variables, safelist)',
    ['reason'],
  );
  private readonly subgraphFetches = counter(
    'mestres_gateway_subgraph_fetches_total',
    'Subgraph fetches by outcome (ok, merged into an identical in-flight fetch, failed, short-circuited)',
    ['subgraph', 'outcome'],
  );
  private readonly circuitState = gauge(
    'mestres_gateway_circuit_state',
    'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open (max over workers)',
    ['subgraph'],
    'max',
  );
  private readonly invalidations = counter(
    'mestres_gateway_response_cache_invalidations_total',
    'Response cache invalidations applied, by source (event, mutation)',
    ['source'],
  );

  cacheLookup(result: ResponseCacheResult): void {
    this.responseCache.inc({ result });
  }

  rateLimitExceeded(limit: 'ip' | 'user'): void {
    this.rateLimited.inc({ limit });
  }

  rateLimitFailedOpen(): void {
    this.rateLimitFailOpen.inc();
  }

  operationRejected(reason: string): void {
    this.limitRejections.inc({ reason });
  }

  subgraphFetch(subgraph: string, outcome: 'ok' | 'merged' | 'failed' | 'short-circuited'): void {
    this.subgraphFetches.inc({ subgraph, outcome });
  }

  circuitChanged(subgraph: string, state: CircuitState): void {
    this.circuitState.set({ subgraph }, CIRCUIT_STATE_VALUE[state]);
  }

  cacheInvalidated(source: 'event' | 'mutation'): void {
    this.invalidations.inc({ source });
  }
}

function counter(name: string, help: string, labelNames: string[]): Counter {
  return getOrCreate(name, () => new Counter({ name, help, labelNames }));
}

function gauge(name: string, help: string, labelNames: string[], aggregator: 'max' | 'sum'): Gauge {
  return getOrCreate(name, () => new Gauge({ name, help, labelNames, aggregator }));
}

function getOrCreate<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

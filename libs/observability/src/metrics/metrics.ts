import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

/** Latency buckets in seconds, 5 ms to 2.5 s: the range our requests and queries live in. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Job durations and queue waits run longer than requests. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export type DbQueryKind = 'read' | 'write';
export type CacheResult = 'hit' | 'miss' | 'error';
export type NatsDirection = 'publish' | 'consume';
export type MessageOutcome = 'ok' | 'error';
/** `dead-letter`: given up on after the last delivery; `duplicate`: dropped by idempotency. */
export type NatsOutcome = 'ok' | 'error' | 'dead-letter' | 'duplicate';
export type GraphqlOperationType = 'query' | 'mutation' | 'subscription' | 'unknown';
export type JobOutcome = 'completed' | 'failed';
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * Starts a monotonic stopwatch; the returned function gives the elapsed seconds.
 *
 * @example
 * const elapsed = startTimer();
 * await doQuery();
 * metrics.observeDbQuery('read', elapsed());
 */
export function startTimer(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * The service's Prometheus metrics (all prefixed `mestres_`; every series also carries the
 * `service` label set by `ObservabilityModule.forRoot`). Other libs inject this and call
 * the typed methods below rather than touching prom-client.
 *
 * Metrics live in prom-client's global registry and are created once per process, so
 * several Nest apps in one test process share them instead of failing on re-registration.
 */
@Injectable()
export class Metrics {
  private readonly httpDuration = histogram('mestres_http_request_duration_seconds', 'HTTP request duration by route', [
    'method',
    'route',
    'status',
  ]);
  private readonly graphqlOperations = counter('mestres_graphql_operations_total', 'GraphQL operations executed', [
    'operation',
    'type',
    'outcome',
  ]);
  private readonly graphqlDuration = histogram('mestres_graphql_operation_duration_seconds', 'GraphQL operation duration', [
    'operation',
    'type',
    'outcome',
  ]);
  private readonly resolverDuration = histogram(
    'mestres_graphql_resolver_duration_seconds',
    'Duration of root fields and fields with their own resolver',
    ['group', 'field'],
  );
  private readonly dbQueryDuration = histogram('mestres_db_query_duration_seconds', 'Database query duration', ['kind']);
  private readonly dbSlowQueries = counter('mestres_db_slow_queries_total', 'Queries slower than the slow-query threshold', []);
  private readonly cacheRequests = counter('mestres_cache_requests_total', 'Cache lookups by result', ['cache', 'result']);
  private readonly natsMessages = counter('mestres_nats_messages_total', 'NATS messages published or consumed', [
    'subject',
    'direction',
    'outcome',
  ]);
  private readonly queueJobs = counter('mestres_queue_jobs_total', 'Queue jobs finished', ['queue', 'job', 'outcome']);
  private readonly queueJobDuration = histogram('mestres_queue_job_duration_seconds', 'Queue job run time', ['queue', 'job'], JOB_BUCKETS);
  private readonly queueJobWait = histogram(
    'mestres_queue_job_wait_seconds',
    'Time a queue job waited before a worker picked it up',
    ['queue', 'job'],
    JOB_BUCKETS,
  );

  /** Records one HTTP request; called by the Fastify hook of `instrumentFastify`. */
  observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** Records one GraphQL operation (count and duration); `operation` is its name or `anonymous`. */
  observeGraphqlOperation(
    operation: string,
    type: GraphqlOperationType,
    outcome: MessageOutcome,
    seconds: number,
  ): void {
    const labels = { operation, type, outcome };
    this.graphqlOperations.inc(labels);
    this.graphqlDuration.observe(labels, seconds);
  }

  /** Records one resolver call; `group` is the parent type (`Query`, `Product`...). */
  observeGraphqlResolver(group: string, field: string, seconds: number): void {
    this.resolverDuration.observe({ group, field }, seconds);
  }

  /** Records one database query. */
  observeDbQuery(kind: DbQueryKind, seconds: number): void {
    this.dbQueryDuration.observe({ kind }, seconds);
  }

  /** Counts a query that crossed the slow-query threshold (it is logged separately). */
  slowQuery(): void {
    this.dbSlowQueries.inc();
  }

  /**
   * Reports connection-pool occupancy as `mestres_db_pool_connections{state}`. The source
   * is read at scrape time; with several pools (primary and replica) the states are summed.
   * Call the returned function when the pool closes.
   */
  trackDbPool(source: () => PoolStats): () => void {
    poolSources.add(source);
    dbPoolGauge();
    return () => poolSources.delete(source);
  }

  /** Counts one cache lookup, e.g. `cacheResult('product', 'hit')`. */
  cacheResult(cache: string, result: CacheResult): void {
    this.cacheRequests.inc({ cache, result });
  }

  /** Counts one NATS message. Use the subject pattern, never one carrying ids. */
  natsMessage(subject: string, direction: NatsDirection, outcome: NatsOutcome): void {
    this.natsMessages.inc({ subject, direction, outcome });
  }

  /** Records how long a job waited in the queue, when a worker starts it. */
  queueJobStarted(queue: string, job: string, waitSeconds: number): void {
    this.queueJobWait.observe({ queue, job }, Math.max(0, waitSeconds));
  }

  /** Records a job that completed or failed, and how long it ran. */
  queueJobFinished(queue: string, job: string, outcome: JobOutcome, durationSeconds: number): void {
    this.queueJobs.inc({ queue, job, outcome });
    this.queueJobDuration.observe({ queue, job }, durationSeconds);
  }

  /**
   * Reports `mestres_queue_depth{queue,state}` from `source` at scrape time
   * (e.g. BullMQ's `queue.getJobCounts('waiting', 'active', 'delayed', 'failed')`).
   * Call the returned function when the queue closes.
   */
  trackQueueDepth(queue: string, source: () => Promise<Record<string, number>>): () => void {
    queueDepthSources.set(queue, source);
    queueDepthGauge();
    return () => {
      if (queueDepthSources.get(queue) === source) queueDepthSources.delete(queue);
    };
  }
}

// Pull-based gauges: their sources are process-wide, like the registry itself.
const poolSources = new Set<() => PoolStats>();
const queueDepthSources = new Map<string, () => Promise<Record<string, number>>>();

function dbPoolGauge(): Gauge {
  return getOrCreate('mestres_db_pool_connections', () =>
    new Gauge({
      name: 'mestres_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      collect() {
        const sum: PoolStats = { total: 0, idle: 0, waiting: 0 };
        for (const source of poolSources) {
          // A closed or broken pool must not fail the whole scrape.
          const stats = safely(source);
          if (!stats) continue;
          sum.total += stats.total;
          sum.idle += stats.idle;
          sum.waiting += stats.waiting;
        }
        for (const [state, value] of Object.entries(sum)) this.set({ state }, value);
      },
    }),
  );
}

function queueDepthGauge(): Gauge {
  return getOrCreate('mestres_queue_depth', () =>
    new Gauge({
      name: 'mestres_queue_depth',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      async collect() {
        await Promise.all(
          [...queueDepthSources].map(async ([queue, source]) => {
            // A scrape must not fail because Redis hiccuped: keep the last values.
            const counts = await source().catch(() => undefined);
            for (const [state, value] of Object.entries(counts ?? {})) this.set({ queue, state }, value);
          }),
        );
      },
    }),
  );
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function histogram(name: string, help: string, labelNames: string[], buckets = LATENCY_BUCKETS): Histogram {
  return getOrCreate(name, () => new Histogram({ name, help, labelNames, buckets }));
}

function counter(name: string, help: string, labelNames: string[]): Counter {
  return getOrCreate(name, () => new Counter({ name, help, labelNames }));
}

function getOrCreate<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AggregatorRegistry, register } from 'prom-client';

const REQUEST = 'mestres:cluster-metrics:request';
const REPLY = 'mestres:cluster-metrics:reply';
const TIMEOUT_MS = 5_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: string;
}

interface MetricsReply {
  type: typeof REPLY;
  id: string;
  metrics?: string;
  error?: string;
}

/**
 * Primary side: answers a worker's request for the whole cluster's metrics by collecting
 * every worker's registry (prom-client's AggregatorRegistry: counters and histograms summed,
 * gauges by their aggregator). Prometheus scrapes the port, which lands on any one worker;
 * without this it would see only that worker's share.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker: Worker, message: MetricsRequest) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (metrics) => worker.send({ type: REPLY, id: message.id, metrics } satisfies MetricsReply),
      (error: Error) => worker.send({ type: REPLY, id: message.id, error: error.message } satisfies MetricsReply),
    );
  });
}

/**
 * Worker side: an `onRequest` hook answering `GET /metrics` with the cluster-wide metrics
 * from the primary. Also makes this worker answer the primary's collection requests.
 */
export function clusterMetricsHook() {
  // Constructing it registers the worker's listener for the primary's collection requests.
  new AggregatorRegistry();
  const pending = new Map<string, (reply: MetricsReply) => void>();
  process.on('message', (message: MetricsReply) => {
    if (message?.type === REPLY) pending.get(message.id)?.(message);
  });

  const ask = () =>
    new Promise<MetricsReply>((resolve) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve({ type: REPLY, id, error: 'timed out waiting for the primary' });
      }, TIMEOUT_MS);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(reply);
      });
      process.send?.({ type: REQUEST, id } satisfies MetricsRequest);
    });

  // An async hook that answers must return the reply, so Fastify stops there.
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== '/metrics') return undefined;
    const answer = await ask();
    if (answer.error !== undefined) return reply.code(503).type('text/plain').send(`cluster metrics unavailable: ${answer.error}`);
    return reply.type(register.contentType).send(answer.metrics);
  };
}

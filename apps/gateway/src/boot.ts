// Imported first by main.ts: validates config (exits with one line naming every bad key)
// and, in the process that will serve requests, starts tracing before http and ioredis are
// loaded, so they get instrumented. A cluster primary only forks workers: no tracing there.
import cluster from 'node:cluster';
import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { gatewayConfigSchema } from './config';

export const config = loadConfigOrExit('gateway', gatewayConfigSchema);
export const isClusterPrimary = config.clustered && cluster.isPrimary;
if (!isClusterPrimary) {
  startTracing({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });
}

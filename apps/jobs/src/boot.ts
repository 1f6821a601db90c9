// Imported first by main.ts: validates config (exits with one line naming every bad key)
// and starts tracing before pg, ioredis and http are loaded, so they get instrumented.
import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { jobsConfigSchema } from './config';

export const config = loadConfigOrExit('jobs', jobsConfigSchema);
startTracing({ serviceName: 'jobs', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });

// Imported first by main.ts: validates config (exits with one line naming every bad key)
// and starts tracing before http and ioredis are loaded, so they get instrumented.
import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { gatewayConfigSchema } from './config';

export const config = loadConfigOrExit('gateway', gatewayConfigSchema);
startTracing({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });

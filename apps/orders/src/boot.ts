// Imported first by main.ts: validates config (exits with one line naming every bad key)
// and starts tracing before pg, ioredis and http are loaded, so they get instrumented.
import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { ordersConfigSchema } from './config';

export const config = loadConfigOrExit('orders', ordersConfigSchema);
startTracing({ serviceName: 'orders', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });

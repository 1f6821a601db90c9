import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { bootstrapService, serviceOptionsFromConfig } from '@mestres/service';
import { usersConfigSchema } from './config';

const config = loadConfigOrExit('users', usersConfigSchema);
startTracing({ serviceName: 'users', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });
// Loaded after tracing starts so pg, ioredis and http are instrumented.
void import('./app.module.js').then(({ AppModule }) =>
  bootstrapService({ ...serviceOptionsFromConfig('users', config), module: AppModule.forRoot(config), port: config.PORT }),
);

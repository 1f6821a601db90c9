import { loadConfigOrExit } from '@mestres/config';
import { startTracing } from '@mestres/observability';
import { bootstrapService, serviceOptionsFromConfig } from '@mestres/service';
import { AppModule } from './app.module';
import { catalogConfigSchema } from './config';

const config = loadConfigOrExit('catalog', catalogConfigSchema);
startTracing({ serviceName: 'catalog', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, samplerRatio: config.OTEL_TRACES_SAMPLER_RATIO });
void bootstrapService({ ...serviceOptionsFromConfig('catalog', config), module: AppModule.forRoot(config), port: config.PORT });

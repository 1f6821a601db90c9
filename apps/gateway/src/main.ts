import { config, isClusterPrimary } from './boot';
import { createLogger } from '@mestres/observability';
import { bootstrapService, serviceOptionsFromConfig } from '@mestres/service';
import { AppModule } from './app.module';
import { runGatewayPrimary } from './cluster/gateway-primary';

if (isClusterPrimary) {
  runGatewayPrimary({
    workers: config.workers,
    semiSpaceMb: config.GATEWAY_SEMI_SPACE_MB,
    shutdownGraceSeconds: config.SHUTDOWN_GRACE_SECONDS,
    logger: createLogger({ service: 'gateway', level: config.LOG_LEVEL }),
  });
} else {
  void bootstrapService({
    ...serviceOptionsFromConfig('gateway', config),
    module: AppModule.forRoot(config),
    port: config.PORT,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
  });
}

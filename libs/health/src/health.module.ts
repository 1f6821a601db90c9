import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { DEFAULT_CHECK_TIMEOUT_MS, HEALTH_OPTIONS, type HealthModuleOptions } from './health.options';
import { ReadinessRegistry } from './readiness/readiness.registry';
import { GracefulShutdown } from './shutdown/graceful-shutdown';
import { ShutdownState } from './shutdown/shutdown-state';

/**
 * Global module serving `/health/live` and `/health/ready` and exporting
 * {@link ReadinessRegistry}, {@link ShutdownState} and {@link GracefulShutdown}.
 * Import it once, in the app's root module.
 */
@Global()
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const resolved: Required<HealthModuleOptions> = {
      checkTimeoutMs: options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    };
    return {
      module: HealthModule,
      global: true,
      // The controller logs failing checks itself, with the reason kept out of the response.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: resolved }, ReadinessRegistry, ShutdownState, GracefulShutdown],
      exports: [ReadinessRegistry, ShutdownState, GracefulShutdown],
    };
  }
}

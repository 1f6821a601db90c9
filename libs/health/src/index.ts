export { HealthModule } from './health.module';
export { HealthController } from './health.controller';
export { type HealthModuleOptions, DEFAULT_CHECK_TIMEOUT_MS } from './health.options';
export { type ReadinessCheck } from './readiness/readiness-check';
export { ReadinessRegistry } from './readiness/readiness.registry';
export { provideReadinessCheck, type ReadinessCheckProviderOptions } from './readiness/provide-readiness-check';
export { ShutdownState } from './shutdown/shutdown-state';
export { GracefulShutdown, type GracefulShutdownOptions } from './shutdown/graceful-shutdown';

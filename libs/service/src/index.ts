export { bootstrapService, type BootstrapServiceOptions } from './bootstrap-service';
export { serviceOptionsFromConfig } from './service-options-from-config';
export { describeError } from './describe-error';
export { ServicePlatformModule, type ServicePlatformOptions } from './service-platform.module';

import type { BaseConfig } from '@mestres/config';
import type { BootstrapServiceOptions } from './bootstrap-service';

/** The {@link BootstrapServiceOptions} every service reads from the shared config keys. */
export function serviceOptionsFromConfig(
  name: string,
  config: Pick<BaseConfig, 'HOST' | 'LOG_LEVEL' | 'SHUTDOWN_GRACE_SECONDS'>,
): Pick<BootstrapServiceOptions, 'name' | 'host' | 'logLevel' | 'shutdownGraceSeconds'> {
  return {
    name,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    shutdownGraceSeconds: config.SHUTDOWN_GRACE_SECONDS,
  };
}

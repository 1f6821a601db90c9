import type { FactoryProvider, InjectionToken } from '@nestjs/common';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessRegistry } from './readiness.registry';

/** Options of {@link provideReadinessCheck}. */
export interface ReadinessCheckProviderOptions<Deps extends unknown[]> {
  name: string;
  /** Providers handed to `useFactory`, e.g. `[DataSource]`. */
  inject?: { [K in keyof Deps]: InjectionToken };
  /** Returns the check function (it receives an AbortSignal that fires on timeout). */
  useFactory: (...deps: Deps) => ReadinessCheck['check'];
}

/**
 * A provider that registers a readiness check when Nest instantiates it, so a module can
 * declare a check in its `providers` array.
 *
 * @example
 * providers: [
 *   provideReadinessCheck({ name: 'redis', inject: [Redis], useFactory: (redis: Redis) => async () => { await redis.ping(); } }),
 * ]
 */
export function provideReadinessCheck<Deps extends unknown[]>(
  options: ReadinessCheckProviderOptions<Deps>,
): FactoryProvider<ReadinessCheck> {
  return {
    provide: Symbol(`readiness-check:${options.name}`),
    inject: [ReadinessRegistry, ...(options.inject ?? [])],
    useFactory: (registry: ReadinessRegistry, ...deps: unknown[]) => {
      const check: ReadinessCheck = { name: options.name, check: options.useFactory(...(deps as Deps)) };
      registry.register(check);
      return check;
    },
  };
}

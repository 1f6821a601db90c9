import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from './readiness-check';

/**
 * The readiness checks of this process. Nest has no multi-providers, so libraries add
 * their check here, either from their own `onModuleInit` (`registry.register(this)`) or
 * through {@link provideReadinessCheck}.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** Adds a check; a second check with the same name is a wiring bug and throws. */
  register(check: ReadinessCheck): void {
    if (this.checks.has(check.name)) throw new Error(`readiness check "${check.name}" is registered twice`);
    this.checks.set(check.name, check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}

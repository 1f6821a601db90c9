/** Options of `HealthModule.forRoot`. */
export interface HealthModuleOptions {
  /** Each readiness check gets this long before it counts as down (default 300 ms). */
  checkTimeoutMs?: number;
}

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
export const DEFAULT_CHECK_TIMEOUT_MS = 300;

/**
 * A dependency the service needs in order to take traffic (Postgres, Redis, NATS...).
 * `check` resolves when the dependency answers and rejects (or hangs) when it does not;
 * the health endpoint bounds it with a timeout and passes an AbortSignal that fires then.
 */
export interface ReadinessCheck {
  /** Shown in the readiness response, e.g. `postgres`, `redis`, `nats`. */
  readonly name: string;
  check(signal?: AbortSignal): Promise<void>;
}

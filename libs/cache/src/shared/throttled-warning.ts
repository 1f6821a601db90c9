/** The slice of Nest's `Logger` this helper needs. */
export interface WarnLogger {
  warn(message: string): void;
}

/**
 * Logs a warning at most once per interval and says how many were swallowed in between, so an
 * outage shows up in the logs without one line per request.
 */
export class ThrottledWarning {
  private lastLoggedAt: number | undefined;
  private suppressed = 0;

  constructor(
    private readonly logger: WarnLogger,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  warn(message: string, error?: unknown): void {
    const now = this.now();
    if (this.lastLoggedAt !== undefined && now - this.lastLoggedAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    const reason = error instanceof Error ? `: ${error.message}` : '';
    const swallowed = this.suppressed > 0 ? ` (${this.suppressed} similar warnings suppressed)` : '';
    this.logger.warn(`${message}${reason}${swallowed}`);
    this.lastLoggedAt = now;
    this.suppressed = 0;
  }
}

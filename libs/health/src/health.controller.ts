import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { HEALTH_OPTIONS, type HealthModuleOptions } from './health.options';
import type { ReadinessCheck } from './readiness/readiness-check';
import { ReadinessRegistry } from './readiness/readiness.registry';
import { ShutdownState } from './shutdown/shutdown-state';

/**
 * `GET /health/live`: the process answers (never touches dependencies, so a slow
 * database does not get the pod restarted). `GET /health/ready`: every registered
 * check, in parallel, each bounded by the check timeout; 503 names the checks that are
 * down, or says the process is shutting down.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
    private readonly shutdown: ShutdownState,
    @Inject(HEALTH_OPTIONS) private readonly options: Required<HealthModuleOptions>,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    if (this.shutdown.isShuttingDown) {
      throw new ServiceUnavailableException({ status: 'shutting_down', message: 'shutting down' });
    }
    return this.health.check(this.registry.all().map((check) => () => this.attempt(check)));
  }

  private attempt(check: ReadinessCheck) {
    return this.indicators
      .check(check.name)
      .attempt(async ({ signal }) => {
        try {
          await check.check(signal);
        } catch (error) {
          // The reason (often a host and port) goes to the log, not to whoever can reach the port.
          if (!signal.aborted) this.logger.warn(`readiness check ${check.name} failed: ${describe(error)}`);
          throw new Error('unavailable');
        }
      })
      .withTimeout(this.options.checkTimeoutMs);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { Injectable } from '@nestjs/common';

/**
 * Whether the process has started shutting down. Readiness answers 503 from that moment,
 * so the load balancer stops routing here while in-flight work drains.
 */
@Injectable()
export class ShutdownState {
  private shuttingDownSince?: Date;

  get isShuttingDown(): boolean {
    return this.shuttingDownSince !== undefined;
  }

  /** Marks the start of the shutdown; later calls keep the first time. */
  begin(): void {
    this.shuttingDownSince ??= new Date();
  }
}

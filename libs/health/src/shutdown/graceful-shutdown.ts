import { setTimeout as sleep } from 'node:timers/promises';
import type { Server } from 'node:http';
import { Injectable, Logger, type INestApplication } from '@nestjs/common';
import { ShutdownState } from './shutdown-state';

/** Options of {@link GracefulShutdown.enable}. */
export interface GracefulShutdownOptions {
  /**
   * How long readiness reports 503 before the server stops accepting connections, so
   * Kubernetes can take the pod out of its Service endpoints first.
   */
  drainMs: number;
  /** Upper bound for in-flight HTTP requests once the server closes (default 10 s); then sockets are cut. */
  httpCloseTimeoutMs?: number;
  /** Runs after Nest's shutdown hooks, e.g. to flush traces. */
  afterClose?: () => Promise<void>;
  /** Ends the process; replaced in tests. Default `process.exit`. */
  exit?: (code: number) => void;
  /** Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
}

const DEFAULT_HTTP_CLOSE_TIMEOUT_MS = 10_000;

/**
 * Graceful shutdown in the order Kubernetes needs, replacing Nest's `enableShutdownHooks`
 * (which would close pools while requests are still running):
 *
 * 1. on SIGTERM/SIGINT, {@link ShutdownState} flips, so `/health/ready` answers 503;
 * 2. wait `drainMs` while the pod is removed from endpoints (requests are still served);
 * 3. stop accepting connections and let in-flight HTTP requests finish;
 * 4. `app.close()`: Nest's hooks run (`onModuleDestroy`, `beforeApplicationShutdown`,
 *    `onApplicationShutdown`), where consumers, workers and pools close;
 * 5. exit 0 (1 if a step threw). A second signal exits 1 at once.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly listeners = new Map<NodeJS.Signals, () => void>();
  private app?: INestApplication;
  private options?: GracefulShutdownOptions;
  private running?: Promise<void>;

  constructor(private readonly state: ShutdownState) {}

  /** Attaches the application and starts listening for the shutdown signals. */
  enable(app: INestApplication, options: GracefulShutdownOptions): void {
    this.removeListeners();
    this.app = app;
    this.options = options;
    for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
      const listener = () => this.onSignal(signal);
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /** Runs the shutdown sequence once; later calls return the same promise. */
  shutdown(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.running ??= this.run(signal);
    return this.running;
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (this.running) {
      this.logger.warn(`received ${signal} again: exiting now`);
      this.exit(1);
      return;
    }
    void this.shutdown(signal);
  }

  private async run(signal: NodeJS.Signals): Promise<void> {
    const app = this.app;
    const options = this.options;
    if (!app || !options) throw new Error('GracefulShutdown.enable() must be called before shutdown()');

    this.state.begin();
    this.logger.log(`received ${signal}: readiness reports 503, draining for ${options.drainMs} ms`);
    let code = 0;
    try {
      await sleep(options.drainMs);
      await this.closeHttp(app, options.httpCloseTimeoutMs ?? DEFAULT_HTTP_CLOSE_TIMEOUT_MS);
      await app.close();
      await options.afterClose?.();
      this.logger.log('shutdown complete');
    } catch (error) {
      code = 1;
      this.logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.removeListeners();
    }
    this.exit(code);
  }

  private async closeHttp(app: INestApplication, timeoutMs: number): Promise<void> {
    const closed = Promise.resolve(app.getHttpAdapter().close()).then(() => 'closed' as const);
    const outcome = await Promise.race([closed, sleep(timeoutMs, 'timeout' as const, { ref: false })]);
    if (outcome === 'timeout') {
      this.logger.warn(`HTTP requests still running after ${timeoutMs} ms: closing their connections`);
      (app.getHttpServer() as Server).closeAllConnections();
      await closed;
    }
  }

  private removeListeners(): void {
    for (const [signal, listener] of this.listeners) process.removeListener(signal, listener);
    this.listeners.clear();
  }

  private exit(code: number): void {
    (this.options?.exit ?? process.exit)(code);
  }
}

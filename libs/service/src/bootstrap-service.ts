import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { GracefulShutdown, ShutdownState } from '@mestres/health';
import { createLogger, instrumentFastify, Metrics, PinoNestLogger, shutdownTracing } from '@mestres/observability';
import { closeConnectionsOnShutdown } from './close-connections-on-shutdown';
import { describeError } from './describe-error';

/** Options of {@link bootstrapService}. */
export interface BootstrapServiceOptions {
  /** Service name, used as the `service` log field and in the boot messages. */
  name: string;
  /** The root module. It must import `ObservabilityModule.forRoot` and `HealthModule.forRoot`. */
  module: Type<unknown> | DynamicModule;
  /** 0 picks a free port (tests). */
  port: number;
  /** Default `0.0.0.0`. */
  host?: string;
  logLevel: string;
  /** Seconds between SIGTERM (readiness turns 503) and the server closing. */
  shutdownGraceSeconds: number;
  /** Largest accepted request body; default 1 MiB (Fastify's default). */
  bodyLimitBytes?: number;
  /** Boot (module init, connections, listen) fails after this long; default 60 s. */
  startupTimeoutSeconds?: number;
  /** Where log lines go; default stdout. */
  logDestination?: DestinationStream;
  /** Ends the process; default `process.exit`. Tests replace it. */
  exit?: (code: number) => void;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DEFAULT_STARTUP_TIMEOUT_SECONDS = 60;
const CLOSE_AFTER_FAILED_START_MS = 5_000;

/**
 * Creates the Nest app on Fastify with the pino logger, records HTTP metrics, enables the
 * graceful shutdown of `@mestres/health` (instead of Nest's `enableShutdownHooks`),
 * listens, and logs `<name> listening on :<port>`.
 *
 * If anything fails during boot (a module's init throws because Postgres is unreachable,
 * the port is taken, boot exceeds `startupTimeoutSeconds`) it logs one line,
 * `<name> failed to start: <reason>`, and exits 1. Nest's boot logs are held back until
 * the app listens and are dropped on failure, so retries and stack traces do not bury
 * that line; with `LOG_LEVEL=debug` they are printed, and the line carries the stack.
 */
export async function bootstrapService(options: BootstrapServiceOptions): Promise<NestFastifyApplication> {
  const logger = createLogger({ service: options.name, level: options.logLevel }, options.logDestination);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const startup = start(options, logger, exit);
  const timeoutSeconds = options.startupTimeoutSeconds ?? DEFAULT_STARTUP_TIMEOUT_SECONDS;
  const timeout = sleep(timeoutSeconds * 1000, undefined, { ref: false }).then(() => {
    throw new Error(`not ready after ${timeoutSeconds} s`);
  });
  try {
    return await Promise.race([startup, timeout]);
  } catch (error) {
    const debug = logger.isLevelEnabled('debug');
    if (!debug) Logger.overrideLogger(false);
    Logger.flush();
    logger.fatal(debug ? { err: error } : {}, `${options.name} failed to start: ${describeError(error)}`);
    exit(1);
    throw error;
  }
}

async function start(
  options: BootstrapServiceOptions,
  logger: PinoLogger,
  exit: (code: number) => void,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
    autoFlushLogs: false,
    // Throw instead of process.abort() so the failure is reported in one line.
    abortOnError: false,
  });
  try {
    const metrics = required(app, Metrics, 'ObservabilityModule.forRoot()');
    const shutdownState = required(app, ShutdownState, 'HealthModule.forRoot()');
    const fastify = app.getHttpAdapter().getInstance();
    instrumentFastify(fastify, metrics);
    closeConnectionsOnShutdown(fastify, shutdownState);

    await app.listen(options.port, options.host ?? '0.0.0.0');
    app.get(GracefulShutdown).enable(app, {
      drainMs: options.shutdownGraceSeconds * 1000,
      afterClose: shutdownTracing,
      exit,
    });
  } catch (error) {
    // Release what did start (pools, sockets) before the process goes.
    await Promise.race([app.close().catch(() => undefined), sleep(CLOSE_AFTER_FAILED_START_MS, undefined, { ref: false })]);
    throw error;
  }

  app.flushLogs();
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.info(`${options.name} listening on :${port}`);
  return app;
}

function required<T>(app: NestFastifyApplication, token: Type<T>, moduleName: string): T {
  try {
    return app.get(token, { strict: false });
  } catch {
    throw new Error(`the root module must import ${moduleName}`);
  }
}

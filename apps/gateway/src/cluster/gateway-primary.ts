import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { serveClusterMetrics } from './cluster-metrics';

export interface GatewayPrimaryOptions {
  workers: number;
  /** --max-semi-space-size for the workers (MB); 0 leaves V8's default. */
  semiSpaceMb: number;
  /** Seconds workers need to drain and close after SIGTERM (their own graceful shutdown). */
  shutdownGraceSeconds: number;
  logger: Logger;
  exit?: (code: number) => void;
}

/** Extra time beyond the workers' drain for closing pools before they are killed. */
const CLOSE_MARGIN_MS = 20_000;
const RESTART_DELAY_MS = 1_000;

/**
 * The cluster primary: forks the workers (each a whole gateway listening on the shared
 * port; the primary hands connections out round-robin), serves cluster-wide metrics to
 * them, replaces a worker that dies while serving, and shuts down gracefully:
 *
 * - SIGTERM (Kubernetes signals PID 1 only) is forwarded to every worker, which drains and
 *   closes as a single process would; the primary exits when all have, 0 if all exited 0;
 * - SIGINT is not forwarded: in a terminal, Ctrl-C already reached every worker;
 * - a worker that dies before it ever listened is a boot failure (bad config, port taken):
 *   the others are stopped and the primary exits 1 rather than crash-looping forever.
 */
export function runGatewayPrimary(options: GatewayPrimaryOptions): void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const listening = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  serveClusterMetrics();
  cluster.setupPrimary({ execArgv: workerExecArgv(options.semiSpaceMb) });
  const fork = () => cluster.fork();
  for (let index = 0; index < options.workers; index++) fork();

  cluster.on('listening', (worker) => {
    listening.add(worker);
    if (Object.values(cluster.workers ?? {}).every((each) => each && listening.has(each))) {
      logger.info(`gateway cluster: ${options.workers} workers listening`);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    if (code !== 0 && !(stopping && signal === 'SIGTERM')) exitCode = 1;
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) exit(exitCode);
      return;
    }
    if (!listening.has(worker)) {
      logger.fatal(`gateway worker ${worker.process.pid} failed to start (exit ${signal ?? code}); stopping the cluster`);
      stop('SIGTERM', 1);
      return;
    }
    logger.error(`gateway worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting a replacement`);
    setTimeout(() => !stopping && fork(), RESTART_DELAY_MS).unref();
  });

  const stop = (signal: NodeJS.Signals, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = Math.max(exitCode, code);
    if (signal === 'SIGTERM') for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) exit(exitCode);
    setTimeout(() => {
      logger.error('gateway workers did not stop in time; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      exit(1);
    }, options.shutdownGraceSeconds * 1000 + CLOSE_MARGIN_MS).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (!stopping) {
        logger.info(`gateway cluster: ${signal} received, waiting for the workers to drain`);
        stop(signal);
        return;
      }
      logger.warn(`gateway cluster: ${signal} received again, killing the workers`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      exit(1);
    });
  }
}

/** The primary's Node flags plus the workers' heap tuning, unless NODE_OPTIONS already sets it. */
export function workerExecArgv(semiSpaceMb: number, execArgv: string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  const alreadySet = [...execArgv, nodeOptions].some((flag) => flag.includes('semi-space-size'));
  return semiSpaceMb > 0 && !alreadySet ? [...execArgv, `--max-semi-space-size=${semiSpaceMb}`] : execArgv;
}

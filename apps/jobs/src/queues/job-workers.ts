import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createBullConnectionOptions } from '@mestres/cache';
import { Metrics, startTimer } from '@mestres/observability';
import type { JobContext } from './job-context';
import { isJobName } from './job-name.enum';
import { JobRegistry } from './job-registry';
import { JOBS_SETTINGS, type JobsSettings } from './jobs-settings';
import { QUEUE_NAMES, type QueueName } from './queue-name.enum';
import { retryDelayMs } from './retry-backoff';

/**
 * One BullMQ worker per queue, with that queue's concurrency. Each job is dispatched to
 * its registered handler and measured (wait time, run time, outcome per job name).
 * Shutdown waits for running jobs; a worker that dies instead leaves them to be taken
 * over by another worker once their lock expires (`JOBS_LOCK_DURATION_MS`).
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private workers: Worker[] = [];

  constructor(
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
    private readonly registry: JobRegistry,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.workersEnabled) {
      this.logger.log('workers disabled (JOBS_WORKERS_ENABLED=false): this replica only enqueues');
      return;
    }
    this.workers = QUEUE_NAMES.map((queue) => this.startWorker(queue));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers = [];
  }

  private startWorker(queue: QueueName): Worker {
    const { settings } = this;
    const worker = new Worker(queue, (job, token) => this.process(queue, job, token), {
      connection: createBullConnectionOptions(settings.redisUrl, { connectionName: `jobs-worker-${queue}` }),
      prefix: settings.prefix,
      concurrency: settings.concurrency[queue],
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, settings.backoff) },
    });
    worker.on('error', (error) => this.logger.warn(`worker ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (!job || error instanceof DelayedError) return;
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade >= attempts || error instanceof UnrecoverableError) {
        this.logger.error(`job ${job.id} (${job.name}) is dead after ${job.attemptsMade} attempt(s): ${error.message}`);
      }
    });
    return worker;
  }

  private async process(queue: QueueName, job: Job, token: string | undefined): Promise<unknown> {
    const handler = this.registry.handlerFor(job.name);
    if (!handler || !isJobName(job.name)) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const dueAt = dueTime(job);
    if (job.attemptsMade === 0) this.metrics.queueJobStarted(queue, job.name, ((job.processedOn ?? Date.now()) - dueAt) / 1000);
    const context: JobContext = {
      id: job.id!,
      name: job.name,
      attempt: job.attemptsMade + 1,
      attempts: job.opts.attempts ?? 1,
      dueAt,
      postpone: async (delayMs) => {
        await job.moveToDelayed(Date.now() + delayMs, token);
        throw new DelayedError();
      },
    };
    const elapsed = startTimer();
    try {
      const result = await handler(job.data, context);
      this.metrics.queueJobFinished(queue, job.name, 'completed', elapsed());
      return result;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      this.metrics.queueJobFinished(queue, job.name, 'failed', elapsed());
      if (context.attempt < context.attempts && !(error instanceof UnrecoverableError)) {
        this.logger.warn(`job ${job.id} (${job.name}) failed, attempt ${context.attempt} of ${context.attempts}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}

/**
 * When a job was due. `job.delay` is reset once a delayed job is promoted, and a scheduled
 * job is created when the previous run starts, so the slot is read from `opts.prevMillis`
 * (schedulers) or the original `opts.delay`.
 */
export function dueTime(job: Pick<Job, 'timestamp' | 'opts'>): number {
  return job.opts.prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
}

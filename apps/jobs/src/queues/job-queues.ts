import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue, type Job } from 'bullmq';
import { createBullConnectionOptions } from '@mestres/cache';
import { Metrics } from '@mestres/observability';
import { JOB_CATALOG } from './job-catalog';
import type { JobName } from './job-name.enum';
import type { JobPayloads } from './job-payloads';
import { JOBS_SETTINGS, type JobsSettings } from './jobs-settings';
import { QUEUE_NAMES, QueueName } from './queue-name.enum';
import { RETRY_BACKOFF_TYPE } from './retry-backoff';

const DAY_SECONDS = 24 * 60 * 60;
/**
 * BullMQ's connection waits out a Redis outage instead of failing; an event handler that
 * enqueues must fail instead (its transaction rolls back, the event is redelivered later).
 */
const ENQUEUE_TIMEOUT_MS = 10_000;

export interface EnqueueOptions {
  /** Idempotency key (see `jobIdFor`): adding a job whose id exists returns the existing one. */
  jobId?: string;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
}

/** A recurring job: one run per slot across every replica (BullMQ job schedulers). */
export interface Schedule<J extends JobName = JobName> {
  /** Stable id; upserting the same id updates the schedule instead of adding one. */
  id: string;
  job: J;
  /** Cron with seconds, e.g. `0 30 2 * * *`. */
  pattern: string;
  timeZone: string;
  payload: JobPayloads[J];
}

/**
 * The app's only door to BullMQ queues: typed enqueueing by job name (queue, priority and
 * retries come from `JOB_CATALOG`), removal, lookups for admins, schedules, and the
 * queue-depth metric.
 */
@Injectable()
export class JobQueues implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueues.name);
  private readonly queues: Record<QueueName, Queue>;
  private readonly untrack: Array<() => void> = [];

  constructor(
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
    private readonly metrics: Metrics,
  ) {
    const connection = createBullConnectionOptions(settings.redisUrl, { connectionName: 'jobs-queues' });
    const entries = QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, {
        connection,
        prefix: settings.prefix,
        defaultJobOptions: {
          // Completed jobs stay a week so a re-added job id still finds its job.
          removeOnComplete: { age: 7 * DAY_SECONDS, count: 100_000 },
          // Failed = dead: kept for admins to list and retry.
          removeOnFail: { age: settings.failedRetentionSeconds },
        },
      });
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      return [name, queue] as const;
    });
    this.queues = Object.fromEntries(entries) as Record<QueueName, Queue>;
  }

  onModuleInit(): void {
    for (const [name, queue] of this.entries()) {
      this.untrack.push(
        this.metrics.trackQueueDepth(name, () => queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed')),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const untrack of this.untrack) untrack();
    await Promise.all(Object.values(this.queues).map((queue) => queue.close()));
  }

  /**
   * Enqueues `name` on its queue; resolves to the job id. Rejects when Redis does not take
   * it within 10 s (the add may still land later; its job id makes a retry harmless).
   */
  async add<J extends JobName>(name: J, payload: JobPayloads[J], options: EnqueueOptions = {}): Promise<string> {
    const definition = JOB_CATALOG[name];
    const adding = this.queues[definition.queue].add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
      priority: definition.priority,
      attempts: definition.attempts,
      backoff: { type: RETRY_BACKOFF_TYPE },
    });
    // If the timeout wins, a late failure of the add must not surface as an unhandled rejection.
    adding.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`cannot enqueue ${name} within ${ENQUEUE_TIMEOUT_MS} ms: is Redis reachable?`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      const job = await Promise.race([adding, timeout]);
      return job.id!;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Removes a waiting or delayed job (e.g. the reminder of a cancelled enrollment). A job
   * already running is left alone; its handler re-checks whether it is still wanted.
   */
  async remove(name: JobName, jobId: string): Promise<boolean> {
    try {
      return (await this.queues[JOB_CATALOG[name].queue].remove(jobId)) === 1;
    } catch (error) {
      this.logger.warn(`cannot remove job ${jobId}: ${(error as Error).message}`);
      return false;
    }
  }

  /** Creates or updates a schedule; every replica calls this at boot with the same id. */
  async upsertSchedule<J extends JobName>(schedule: Schedule<J>): Promise<void> {
    const definition = JOB_CATALOG[schedule.job];
    await this.queues[definition.queue].upsertJobScheduler(
      schedule.id,
      { pattern: schedule.pattern, tz: schedule.timeZone },
      {
        name: schedule.job,
        data: schedule.payload,
        opts: { priority: definition.priority, attempts: definition.attempts, backoff: { type: RETRY_BACKOFF_TYPE } },
      },
    );
  }

  async removeSchedule(job: JobName, id: string): Promise<void> {
    await this.queues[JOB_CATALOG[job].queue].removeJobScheduler(id);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  entries(): Array<[QueueName, Queue]> {
    return Object.entries(this.queues) as Array<[QueueName, Queue]>;
  }

  /** Finds a job by id in whichever queue holds it (ids carry the job name, so they do not collide). */
  async find(jobId: string): Promise<{ queue: QueueName; job: Job } | undefined> {
    for (const [queue, bull] of this.entries()) {
      const job = (await bull.getJob(jobId)) as Job | undefined;
      if (job) return { queue, job };
    }
    return undefined;
  }
}

import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { pageSize } from '@mestres/graphql';
import { JobQueues } from './job-queues';
import { JobsError, JobsErrorCode } from './jobs.errors';
import type { QueueName } from './queue-name.enum';

export interface InspectedJob {
  queue: QueueName;
  job: Job;
  state: string;
}

/** Dead-letter handling for admins: list the jobs that used up their attempts, and retry one. */
@Injectable()
export class QueueAdminService {
  constructor(private readonly queues: JobQueues) {}

  /** Dead jobs of `queue`, most recently failed first. */
  async failedJobs(queue: QueueName, first: number | undefined | null): Promise<InspectedJob[]> {
    const limit = pageSize(first);
    const jobs = (await this.queues.queue(queue).getFailed(0, limit - 1)) as Job[];
    return jobs.map((job) => ({ queue, job, state: 'failed' }));
  }

  /** Moves a dead job back to waiting with a fresh set of attempts. */
  async retry(jobId: string): Promise<InspectedJob> {
    const found = await this.queues.find(jobId);
    if (!found) throw new JobsError(JobsErrorCode.JOB_NOT_FOUND, `no job ${jobId}`, { field: 'id' });
    const state = await found.job.getState();
    if (state !== 'failed') throw new JobsError(JobsErrorCode.JOB_NOT_FAILED, `job ${jobId} is ${state}, not failed`, { state });
    await found.job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return { queue: found.queue, job: found.job, state: await found.job.getState() };
  }
}

import { Injectable } from '@nestjs/common';
import type { JobHandler } from './job-context';
import type { JobName } from './job-name.enum';
import type { JobPayloads } from './job-payloads';

/**
 * Which function runs each job. Feature services register theirs at module init; workers
 * look handlers up by job name. Explicit registration keeps "who handles X" greppable.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<never>>();

  register<J extends JobName>(name: J, handler: JobHandler<JobPayloads[J]>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} already has a handler`);
    this.handlers.set(name, handler as JobHandler<never>);
  }

  handlerFor(name: string): JobHandler<unknown> | undefined {
    return this.handlers.get(name as JobName) as JobHandler<unknown> | undefined;
  }
}

import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Job } from 'bullmq';
import { QueueName } from './queue-name.enum';

registerEnumType(QueueName, {
  name: 'QueueName',
  description: 'Background job queues: LIGHT for e-mails and notices (urgent, short), HEAVY for reports and maintenance.',
});

@ObjectType({ description: 'A background job, as admins inspect it. Admins only.' })
export class QueueJob {
  @Field(() => ID, { description: 'Job id; derived from the event or entity that caused it, e.g. `payment-receipt-email.<eventId>`.' })
  id: string;

  @Field(() => QueueName, { description: 'Queue the job runs on.' })
  queue: QueueName;

  @Field({ description: 'Job name, e.g. `order-confirmation-email`.' })
  name: string;

  @Field({ description: 'BullMQ state: `failed` (dead), `waiting`, `delayed`, `active`, `completed`...' })
  state: string;

  @Field(() => Int, { description: 'Runs that failed so far.' })
  attemptsMade: number;

  @Field(() => Int, { description: 'Runs allowed before the job is dead.' })
  maxAttempts: number;

  @Field(() => String, { nullable: true, description: 'Error of the last failed run.' })
  failedReason: string | null;

  @Field({ description: 'The job payload, as JSON.' })
  data: string;

  @Field({ description: 'When the job was enqueued.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its last run started.' })
  processedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its last run ended.' })
  finishedAt: Date | null;
}

export function toQueueJobModel(queue: QueueName, job: Job, state: string): QueueJob {
  return {
    id: job.id!,
    queue,
    name: job.name,
    state,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    failedReason: job.failedReason || null,
    data: JSON.stringify(job.data ?? null),
    createdAt: new Date(job.timestamp),
    processedAt: job.processedOn ? new Date(job.processedOn) : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

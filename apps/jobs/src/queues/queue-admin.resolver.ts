import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@mestres/auth';
import { QueueAdminService } from './queue-admin.service';
import { QueueJob, toQueueJobModel } from './queue-job.model';
import { QueueName } from './queue-name.enum';

@Resolver(() => QueueJob)
export class QueueAdminResolver {
  constructor(private readonly admin: QueueAdminService) {}

  @Roles(Role.ADMIN)
  @Query(() => [QueueJob], {
    description: 'Dead jobs of a queue (every attempt failed), most recent first. Admins only.',
  })
  async failedJobs(
    @Args('queue', { type: () => QueueName, description: 'Queue to inspect.' }) queue: QueueName,
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 100 (default 20).' }) first?: number,
  ): Promise<QueueJob[]> {
    const jobs = await this.admin.failedJobs(queue, first);
    return jobs.map(({ queue: name, job, state }) => toQueueJobModel(name, job, state));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => QueueJob, {
    description: 'Runs a dead job again with a fresh set of attempts. NOT_FOUND for an unknown id, CONFLICT when the job is not dead. Admins only.',
  })
  async retryJob(@Args('id', { type: () => ID, description: 'Id of a failed job.' }) id: string): Promise<QueueJob> {
    const { queue, job, state } = await this.admin.retry(id);
    return toQueueJobModel(queue, job, state);
  }
}

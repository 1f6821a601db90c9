import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@mestres/auth';
import { SessionModel, toSessionModel } from '../sessions/session.model';
import { SessionAdminService } from './session-admin.service';
import { CreateSessionInput, UpdateSessionInput } from './session.inputs';

/** Class management: admins only. */
@Resolver(() => SessionModel)
export class SessionAdminResolver {
  constructor(private readonly sessions: SessionAdminService) {}

  @Mutation(() => SessionModel, { description: 'Admin only: schedules a class of a course, sold by a catalog seat SKU.' })
  @Roles(Role.ADMIN)
  async createSession(@Args('input', { description: 'The new class.' }) input: CreateSessionInput): Promise<SessionModel> {
    return toSessionModel(await this.sessions.create(input));
  }

  @Mutation(() => SessionModel, { description: 'Admin only: reschedules or resizes a class. More seats go to the waitlist at once.' })
  @Roles(Role.ADMIN)
  async updateSession(
    @Args('id', { type: () => ID, description: 'Class id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateSessionInput,
  ): Promise<SessionModel> {
    return toSessionModel(await this.sessions.update(id, input));
  }

  @Mutation(() => SessionModel, { description: 'Admin only: withdraws a class nobody is enrolled in or waiting for (CONFLICT otherwise). Idempotent.' })
  @Roles(Role.ADMIN)
  async archiveSession(@Args('id', { type: () => ID, description: 'Class id.' }) id: string): Promise<SessionModel> {
    return toSessionModel(await this.sessions.archive(id));
  }
}

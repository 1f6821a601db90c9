import { Args, Context, Info, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { assertOwnerOrAdmin, Authenticated, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { requestLoader, setCacheHint } from '@mestres/graphql';
import { courseLoader } from '../courses/course.loader';
import { CourseModel, toCourseModel } from '../courses/course.model';
import { CoursesService } from '../courses/courses.service';
import { sessionLoader } from '../sessions/session.loader';
import { SessionModel, toSessionModel } from '../sessions/session.model';
import { SessionsService } from '../sessions/sessions.service';
import { PRIVATE_CACHE_HINT, SEATS_CACHE_HINT } from '../shared/cache-hints';
import { userReference, UserReference } from '../shared/user-reference.model';
import { EnrollmentStatus } from './enrollment-status.enum';
import { EnrollmentModel, toEnrollmentModel } from './enrollment.model';
import type { EnrollmentRecord } from './enrollments.repository';
import { EnrollmentsService } from './enrollments.service';

@Resolver(() => EnrollmentModel)
export class EnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly courses: CoursesService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => [EnrollmentModel], { description: 'The signed-in student’s enrollments, newest first. UNAUTHENTICATED when anonymous.' })
  @Authenticated()
  async myEnrollments(
    @CurrentUser() caller: CallerIdentity,
    @Args('status', { type: () => EnrollmentStatus, nullable: true, description: 'Only enrollments in this status.' }) status: EnrollmentStatus | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentModel[]> {
    setCacheHint(info, PRIVATE_CACHE_HINT);
    return (await this.enrollments.forStudent(caller.userId, status)).map(toEnrollmentModel);
  }

  @ResolveField(() => CourseModel, { description: 'The course.' })
  async course(@Parent() enrollment: EnrollmentModel, @Context() context: object): Promise<CourseModel> {
    const course = await courseLoader(context, this.courses).load(enrollment.courseId);
    if (!course) throw new Error(`enrollment ${enrollment.id} points at missing course ${enrollment.courseId}`);
    return toCourseModel(course);
  }

  @ResolveField(() => SessionModel, { description: 'The class.' })
  async session(@Parent() enrollment: EnrollmentModel, @Context() context: object): Promise<SessionModel> {
    const session = await sessionLoader(context, this.sessions).load(enrollment.sessionId);
    if (!session) throw new Error(`enrollment ${enrollment.id} points at missing class ${enrollment.sessionId}`);
    return toSessionModel(session);
  }

  @ResolveField(() => UserReference, { description: 'The student.' })
  student(@Parent() enrollment: EnrollmentModel): UserReference {
    return userReference(enrollment.userId);
  }
}

/** `User.enrollments`: the federated extension of the users service's User. */
@Resolver(() => UserReference)
export class UserEnrollmentsResolver {
  constructor(private readonly enrollmentService: EnrollmentsService) {}

  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: 'User'; id: string }): UserReference {
    return userReference(reference.id);
  }

  @ResolveField(() => [EnrollmentModel], {
    description: 'The user’s course enrollments, newest first. Private: the user themself or an admin.',
  })
  async enrollments(
    @Parent() user: UserReference,
    @CurrentUser() caller: CallerIdentity | null,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentModel[]> {
    assertOwnerOrAdmin(caller, user.id);
    setCacheHint(info, PRIVATE_CACHE_HINT);
    const loader = requestLoader<string, EnrollmentRecord[]>(context, 'courses.enrollmentsByUser', (ids) => this.enrollmentService.forStudents(ids));
    return (await loader.load(user.id)).map(toEnrollmentModel);
  }
}

/** Who is in a class: the roster (teachers only) and the public waitlist length. */
@Resolver(() => SessionModel)
export class SessionEnrollmentsResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly courses: CoursesService,
  ) {}

  @ResolveField(() => [EnrollmentModel], {
    description:
      'Confirmed students, then the waitlist in order. Only for the course’s instructor and admins (UNAUTHENTICATED / FORBIDDEN otherwise).',
  })
  async roster(
    @Parent() session: SessionModel,
    @CurrentUser() caller: CallerIdentity | null,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EnrollmentModel[]> {
    const course = await courseLoader(context, this.courses).load(session.courseId);
    this.enrollments.assertCanSeeRoster(caller, course!);
    setCacheHint(info, PRIVATE_CACHE_HINT);
    const loader = requestLoader<string, EnrollmentRecord[]>(context, 'courses.rosterBySession', (ids) => this.enrollments.rosters(ids));
    return (await loader.load(session.id)).map(toEnrollmentModel);
  }

  @ResolveField(() => Int, { description: 'Students waiting for a seat.' })
  async waitlistLength(@Parent() session: SessionModel, @Context() context: object, @Info() info: GraphQLResolveInfo): Promise<number> {
    setCacheHint(info, SEATS_CACHE_HINT);
    return requestLoader<string, number>(context, 'courses.waitlistLength', (ids) => this.enrollments.waitlistLengths(ids)).load(session.id);
  }
}

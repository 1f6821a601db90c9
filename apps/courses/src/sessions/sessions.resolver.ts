import { Args, Context, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Role, Roles, type CallerIdentity } from '@mestres/auth';
import { requestLoader, setCacheHint } from '@mestres/graphql';
import { courseLoader } from '../courses/course.loader';
import { CourseModel, toCourseModel } from '../courses/course.model';
import { CoursesService } from '../courses/courses.service';
import { INHERIT_CACHE_HINT, PRIVATE_CACHE_HINT, PUBLIC_CACHE_HINT, SEATS_CACHE_HINT } from '../shared/cache-hints';
import { ProductVariantReference } from './product-variant.model';
import type { SessionEntity } from './session.entity';
import { SessionModel, toSessionModel } from './session.model';
import { SessionsService } from './sessions.service';

@Resolver(() => SessionModel)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly courses: CoursesService,
  ) {}

  @Query(() => SessionModel, { nullable: true, description: 'A class by id; null when there is none. BAD_USER_INPUT for a malformed id.' })
  async session(
    @Args('id', { type: () => ID, description: 'Class id.' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SessionModel | null> {
    setCacheHint(info, PUBLIC_CACHE_HINT);
    const session = await this.sessions.findById(id);
    return session ? toSessionModel(session) : null;
  }

  @Query(() => [SessionModel], {
    description: 'Instructors: the classes of the courses they teach, by start time (finished ones only with `includePast`).',
  })
  @Roles(Role.INSTRUCTOR)
  async myTeachingSessions(
    @CurrentUser() caller: CallerIdentity,
    @Args('includePast', { type: () => Boolean, defaultValue: false, description: 'Also list classes that already ended.' }) includePast: boolean,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SessionModel[]> {
    setCacheHint(info, PRIVATE_CACHE_HINT);
    return (await this.sessions.forInstructor(caller.userId, includePast)).map(toSessionModel);
  }

  @ResolveField(() => CourseModel, { ...INHERIT_CACHE_HINT, description: 'The course this class teaches.' })
  async course(@Parent() session: SessionModel, @Context() context: object): Promise<CourseModel> {
    const course = await courseLoader(context, this.courses).load(session.courseId);
    if (!course) throw new Error(`class ${session.id} points at missing course ${session.courseId}`);
    return toCourseModel(course);
  }

  @ResolveField(() => ProductVariantReference, {
    ...INHERIT_CACHE_HINT,
    description: 'The catalog variant that sells a seat in this class: its price and availability come from the catalog.',
  })
  seat(@Parent() session: SessionModel): ProductVariantReference {
    return { sku: session.seatSku };
  }

  @ResolveField(() => Int, { description: 'Seats held by confirmed students.' })
  seatsTaken(@Parent() session: SessionModel, @Info() info: GraphQLResolveInfo): number {
    setCacheHint(info, SEATS_CACHE_HINT);
    return session.seatsTaken;
  }

  @ResolveField(() => Int, { description: 'Seats still free; 0 means new students join the waitlist.' })
  seatsAvailable(@Parent() session: SessionModel, @Info() info: GraphQLResolveInfo): number {
    setCacheHint(info, SEATS_CACHE_HINT);
    return Math.max(0, session.capacity - session.seatsTaken);
  }
}

@Resolver(() => CourseModel)
export class CourseSessionsResolver {
  constructor(private readonly sessionService: SessionsService) {}

  @ResolveField(() => [SessionModel], {
    ...INHERIT_CACHE_HINT,
    description: 'The classes of the course by start time: upcoming ones, or all offered ones with `includePast`.',
  })
  async sessions(
    @Parent() course: CourseModel,
    @Args('includePast', { type: () => Boolean, defaultValue: false, description: 'Also list classes that already started.' }) includePast: boolean,
    @Context() context: object,
  ): Promise<SessionModel[]> {
    const loader = requestLoader<string, SessionEntity[]>(context, `courses.sessionsByCourse:${includePast}`, (ids) =>
      this.sessionService.forCourses(ids, includePast),
    );
    return (await loader.load(course.id)).map(toSessionModel);
  }
}

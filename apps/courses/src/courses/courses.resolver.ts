import { Args, Context, Info, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { setCacheHint } from '@mestres/graphql';
import { INHERIT_CACHE_HINT, PUBLIC_CACHE_HINT } from '../shared/cache-hints';
import { userReference, UserReference } from '../shared/user-reference.model';
import { CourseConnection } from './course-connection.model';
import { CoursesArgs } from './course-filter.input';
import { courseLoader } from './course.loader';
import { CourseModel, toCourseModel } from './course.model';
import { CoursesService } from './courses.service';
import { ProductReference } from './product.model';

@Resolver(() => CourseModel)
export class CoursesResolver {
  constructor(private readonly courseService: CoursesService) {}

  @Query(() => CourseModel, { nullable: true, description: 'A course by its slug, or null when there is none. Archived courses are still found.' })
  async course(
    @Args('slug', { description: 'Course slug, e.g. `latte-art`.' }) slug: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CourseModel | null> {
    setCacheHint(info, PUBLIC_CACHE_HINT);
    const course = await this.courseService.findBySlug(slug);
    return course ? toCourseModel(course) : null;
  }

  @Query(() => CourseConnection, { description: 'Offered courses (not archived), ordered by slug, optionally filtered.' })
  courses(@Args() args: CoursesArgs, @Info() info: GraphQLResolveInfo): Promise<CourseConnection> {
    setCacheHint(info, PUBLIC_CACHE_HINT);
    return this.courseService.list(args.filter, args.first, args.after, toCourseModel);
  }

  /** Other subgraphs reference courses by id; a whole batch costs one statement. */
  @ResolveReference()
  async resolveReference(@Parent() reference: { __typename: 'Course'; id: string }, @Context() context: object): Promise<CourseModel | null> {
    const course = await courseLoader(context, this.courseService).load(reference.id);
    return course ? toCourseModel(course) : null;
  }

  @ResolveField(() => UserReference, { ...INHERIT_CACHE_HINT, nullable: true, description: 'Who teaches the course; null while unassigned.' })
  instructor(@Parent() course: CourseModel): UserReference | null {
    return course.instructorId ? userReference(course.instructorId) : null;
  }

  @ResolveField(() => ProductReference, {
    ...INHERIT_CACHE_HINT,
    nullable: true,
    description: 'The catalog product that sells seats of this course (one variant per class, see `CourseSession.seat` for prices); null when not on sale.',
  })
  product(@Parent() course: CourseModel): ProductReference | null {
    return course.productId ? { id: course.productId } : null;
  }
}

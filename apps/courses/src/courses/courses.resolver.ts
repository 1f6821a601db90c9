import { Args, Context, Info, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestLoader, setCacheHint } from '@mestres/graphql';
import { CourseModel, toCourseModel } from './course.model';
import type { CourseEntity } from './course.entity';
import { CoursesService } from './courses.service';
import { ProductReference } from './product.model';

@Resolver(() => CourseModel)
export class CoursesResolver {
  constructor(private readonly courses: CoursesService) {}

  @Query(() => CourseModel, { nullable: true, description: 'A course by its slug, or null when there is none.' })
  async course(
    @Args('slug', { description: 'Course slug, e.g. `latte-art`.' }) slug: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CourseModel | null> {
    setCacheHint(info, { maxAge: 60, scope: 'PUBLIC' });
    const course = await this.courses.findBySlug(slug);
    return course ? toCourseModel(course) : null;
  }
}

@Resolver(() => ProductReference)
export class ProductCourseResolver {
  constructor(private readonly courses: CoursesService) {}

  /** The gateway hands us `{ id }`; the course itself is loaded (batched) by `course`. */
  @ResolveReference()
  resolveReference(reference: { __typename: 'Product'; id: string }): ProductReference {
    return { id: reference.id };
  }

  @ResolveField(() => CourseModel, {
    nullable: true,
    description: 'For course-seat products, the course the seat belongs to; null for other products.',
  })
  async course(
    @Parent() product: ProductReference,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CourseModel | null> {
    setCacheHint(info, { maxAge: 60, scope: 'PUBLIC' });
    const course = await requestLoader<string, CourseEntity | null>(context, 'courseByProduct', (ids) =>
      this.courses.coursesForProducts(ids),
    ).load(product.id);
    return course ? toCourseModel(course) : null;
  }
}

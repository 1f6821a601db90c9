import { Context, Info, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestLoader, setCacheHint } from '@mestres/graphql';
import { PUBLIC_CACHE_HINT } from '../shared/cache-hints';
import type { CourseEntity } from './course.entity';
import { CourseModel, toCourseModel } from './course.model';
import { CoursesService } from './courses.service';
import { ProductReference } from './product.model';

@Resolver(() => ProductReference)
export class ProductCourseResolver {
  constructor(private readonly courses: CoursesService) {}

  /** The gateway hands us `{ id }`; the course itself is loaded (batched) by `course`. */
  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: 'Product'; id: string }): ProductReference {
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
    setCacheHint(info, PUBLIC_CACHE_HINT);
    const course = await requestLoader<string, CourseEntity | null>(context, 'courses.courseByProduct', (ids) =>
      this.courses.coursesForProducts(ids),
    ).load(product.id);
    return course ? toCourseModel(course) : null;
  }
}

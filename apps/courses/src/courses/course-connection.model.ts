import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@mestres/graphql';
import { INHERIT_CACHE_HINT } from '../shared/cache-hints';
import { CourseModel } from './course.model';

@ObjectType('CourseEdge', { description: 'An edge in a Course connection.' })
export class CourseEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor: string;

  @Field(() => CourseModel, { ...INHERIT_CACHE_HINT, description: 'The Course.' })
  node: CourseModel;
}

/** Written out rather than made with the graphql lib's `Connection()`, to mark its object fields cacheable. */
@ObjectType('CourseConnection', { description: 'A page of courses, ordered by slug.' })
export class CourseConnection {
  @Field(() => [CourseEdge], { ...INHERIT_CACHE_HINT, description: 'The items of this page, in order.' })
  edges: CourseEdge[];

  @Field(() => PageInfo, { ...INHERIT_CACHE_HINT, description: 'Where this page sits in the whole list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of courses matching the filter across all pages.' })
  totalCount: number;
}

import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CourseLevel } from './course-level.enum';
import type { CourseEntity } from './course.entity';

@ObjectType('Course', { description: 'A barista course taught by Mestres Café.' })
@Directive('@key(fields: "id")')
export class CourseModel {
  @Field(() => ID, { description: 'Stable course id.' })
  id: string;

  @Field({ description: 'URL-friendly unique name, e.g. `latte-art`.' })
  slug: string;

  @Field({ description: 'Course title in Portuguese.' })
  title: string;

  @Field({ description: 'What the course covers, in Portuguese.' })
  description: string;

  @Field(() => CourseLevel, { description: 'Expected experience.' })
  level: CourseLevel;

  @Field(() => Int, { description: 'Total class time in minutes.' })
  durationMinutes: number;

  @Field({ description: 'True when the course is no longer offered: it is not listed, but its page, enrollments and certificates remain.' })
  archived: boolean;

  /** Exposed as `instructor` (a federated User reference). */
  instructorId: string | null;
  /** Exposed as `product` (a federated Product reference). */
  productId: string | null;
}

export function toCourseModel(entity: CourseEntity): CourseModel {
  return {
    id: entity.id,
    slug: entity.slug,
    title: entity.title,
    description: entity.description,
    level: entity.level as CourseLevel,
    durationMinutes: entity.durationMinutes,
    archived: entity.archivedAt !== null,
    instructorId: entity.instructorId,
    productId: entity.productId,
  };
}

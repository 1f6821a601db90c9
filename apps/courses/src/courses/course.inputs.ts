import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CourseLevel } from './course-level.enum';

@InputType({ description: 'A new course. Seats are sold by the catalog product given as `productId`.' })
export class CreateCourseInput {
  @Field({ description: 'URL-friendly unique name: lower-case letters, digits and hyphens, e.g. `latte-art`.' })
  slug: string;

  @Field({ description: 'Title in Portuguese (up to 120 characters).' })
  title: string;

  @Field({ description: 'What the course covers, in Portuguese (up to 5000 characters).' })
  description: string;

  @Field(() => CourseLevel, { description: 'Expected experience.' })
  level: CourseLevel;

  @Field(() => Int, { description: 'Total class time in minutes (1 to 10000).' })
  durationMinutes: number;

  @Field(() => ID, { nullable: true, description: 'The user who teaches it (they need the INSTRUCTOR role to manage lessons and see rosters).' })
  instructorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The catalog product (kind COURSE_SEAT) that sells seats of this course.' })
  productId?: string | null;
}

@InputType({ description: 'Changes to a course; omitted fields stay as they are, null clears an optional one.' })
export class UpdateCourseInput {
  @Field(() => String, { nullable: true, description: 'New slug (old links stop working).' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => CourseLevel, { nullable: true, description: 'New level.' })
  level?: CourseLevel | null;

  @Field(() => Int, { nullable: true, description: 'New total class time in minutes.' })
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: 'New instructor; null unassigns.' })
  instructorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'New seat product; null unlinks.' })
  productId?: string | null;
}

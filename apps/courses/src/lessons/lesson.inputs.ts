import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A new lesson of a course.' })
export class CreateLessonInput {
  @Field(() => ID, { description: 'The course it belongs to.' })
  courseId: string;

  @Field({ description: 'Title in Portuguese (up to 120 characters).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Public one- or two-sentence summary (up to 500 characters).' })
  summary?: string | null;

  @Field({ description: 'The lesson in Markdown (up to 100000 characters); only students, the instructor and admins read it.' })
  content: string;

  @Field(() => Int, { description: 'Expected study time in minutes (1 to 1000).' })
  durationMinutes: number;

  @Field(() => Int, { nullable: true, description: 'Order within the course, from 1; omitted: after the last lesson.' })
  position?: number | null;
}

@InputType({ description: 'Changes to a lesson; omitted fields stay as they are.' })
export class UpdateLessonInput {
  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New summary.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'New content (Markdown).' })
  content?: string | null;

  @Field(() => Int, { nullable: true, description: 'New study time in minutes.' })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'New position; lessons with equal positions keep their creation order.' })
  position?: number | null;
}

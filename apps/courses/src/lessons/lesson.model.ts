import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { LessonEntity } from './lesson.entity';

@ObjectType('Lesson', { description: 'One module of a course’s online content.' })
export class LessonModel {
  @Field(() => ID, { description: 'Stable lesson id.' })
  id: string;

  @Field(() => Int, { description: 'Order within the course, from 1; lessons are listed by it.' })
  position: number;

  @Field({ description: 'Lesson title in Portuguese.' })
  title: string;

  @Field({ description: 'What the lesson covers, in a sentence or two. Public.' })
  summary: string;

  @Field(() => Int, { description: 'Expected study time in minutes.' })
  durationMinutes: number;

  @Field({ description: 'True when the lesson was withdrawn; it is no longer needed to complete the course.' })
  archived: boolean;

  /** Exposed through a guarded field resolver (`content`). */
  content: string;
  courseId: string;
}

export function toLessonModel(entity: LessonEntity): LessonModel {
  return {
    id: entity.id,
    position: entity.position,
    title: entity.title,
    summary: entity.summary,
    durationMinutes: entity.durationMinutes,
    archived: entity.archivedAt !== null,
    content: entity.content,
    courseId: entity.courseId,
  };
}

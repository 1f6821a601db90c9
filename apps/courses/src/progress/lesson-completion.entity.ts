import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A student finished a lesson. */
@Entity({ name: 'lesson_completion' })
export class LessonCompletionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' }) lessonId: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ name: 'completed_at', type: 'timestamptz' }) completedAt: Date;
}

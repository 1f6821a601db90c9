import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One module of a course's online content, in `position` order. */
@Entity({ name: 'lesson' })
export class LessonEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ type: 'int' }) position: number;
  @Column() title: string;
  @Column('text') summary: string;
  /** The lesson itself (Markdown); only students, the instructor and admins may read it. */
  @Column('text') content: string;
  @Column({ name: 'duration_minutes', type: 'int' }) durationMinutes: number;
  /** Archived lessons are hidden and no longer needed for completion. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A barista course (Barista Básico, Latte Art...). Seats are sold as catalog products. */
@Entity({ name: 'course' })
export class CourseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ unique: true }) slug: string;
  @Column() title: string;
  @Column('text') description: string;
  @Column() level: string;
  @Column({ name: 'duration_minutes', type: 'int' }) durationMinutes: number;
  /** The catalog product (kind COURSE_SEAT) whose variants sell seats of this course. */
  @Column({ name: 'product_id', type: 'uuid', nullable: true }) productId: string | null;
  /** The teaching user (users service id). */
  @Column({ name: 'instructor_id', type: 'uuid', nullable: true }) instructorId: string | null;
  /** Archived courses are no longer listed; links, enrollments and certificates keep working. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

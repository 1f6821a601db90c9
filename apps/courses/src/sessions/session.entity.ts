import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One class of a course: a date, a place (or online) and a number of seats. */
@Entity({ name: 'course_session' })
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  /** The catalog variant SKU that sells a seat in this class; how a paid order line finds it. */
  @Column({ name: 'seat_sku' }) seatSku: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column() format: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'int' }) capacity: number;
  /** Seats held by CONFIRMED enrollments; changed only with the row locked. */
  @Column({ name: 'seats_taken', type: 'int' }) seatsTaken: number;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

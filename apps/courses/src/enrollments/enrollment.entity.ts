import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A student's seat (or place in line) in one class, created from one paid order line.
 * Reads go through {@link EnrollmentRecord}, which adds the live waitlist position.
 */
@Entity({ name: 'enrollment' })
export class EnrollmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  /** With seat_sku, the idempotency key: one enrollment per paid order line. */
  @Column({ name: 'order_id' }) orderId: string;
  @Column({ name: 'seat_sku' }) seatSku: string;
  @Column({ type: 'int' }) seats: number;
  @Column() status: string;
  /** Arrival order on the waitlist (taken under the class lock). */
  @Column({ name: 'waitlist_seq', type: 'bigint', nullable: true }) waitlistSeq: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
}

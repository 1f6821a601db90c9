import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** bigint columns arrive as strings from pg; these sums fit a JS number comfortably. */
const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** One day's sales and enrollment figures. */
@Entity({ name: 'report' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'period_start', type: 'timestamptz' })
  periodStart: Date;

  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd: Date;

  /** `YYYY-MM-DD` in `timeZone`. */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'orders_placed', type: 'integer' })
  ordersPlaced: number;

  @Column({ name: 'orders_paid', type: 'integer' })
  ordersPaid: number;

  @Column({ name: 'revenue_cents', type: 'bigint', transformer: bigintAsNumber })
  revenueCents: number;

  @Column({ name: 'orders_shipped', type: 'integer' })
  ordersShipped: number;

  @Column({ name: 'orders_cancelled', type: 'integer' })
  ordersCancelled: number;

  @Column({ name: 'orders_refunded', type: 'integer' })
  ordersRefunded: number;

  @Column({ name: 'refunded_cents', type: 'bigint', transformer: bigintAsNumber })
  refundedCents: number;

  @Column({ name: 'enrollments_confirmed', type: 'integer' })
  enrollmentsConfirmed: number;

  @Column({ name: 'enrollments_waitlisted', type: 'integer' })
  enrollmentsWaitlisted: number;

  @Column({ name: 'enrollments_cancelled', type: 'integer' })
  enrollmentsCancelled: number;

  @Column({ name: 'courses_completed', type: 'integer' })
  coursesCompleted: number;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt: Date;
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { ReportEntity } from './report.entity';

export interface ReportPageQuery {
  limit: number;
  after?: { day: string; id: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ReportsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Aggregates one day of the order and enrollment projections into its report row,
   * replacing an earlier run for the same day (a retried or re-run job never duplicates).
   */
  async generateDaily(kind: string, day: string, timeZone: string, currency: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.tx.manager.query(
      `WITH b AS (
         SELECT ($1::date)::timestamp AT TIME ZONE $2 AS s, ($1::date + 1)::timestamp AT TIME ZONE $2 AS e
       )
       INSERT INTO report (
         kind, day, time_zone, period_start, period_end, currency,
         orders_placed, orders_paid, revenue_cents, orders_shipped, orders_cancelled, orders_refunded, refunded_cents,
         enrollments_confirmed, enrollments_waitlisted, enrollments_cancelled, courses_completed)
       SELECT $3, $1::date, $2, b.s, b.e, $4,
         (SELECT count(*) FROM order_activity WHERE placed_at >= b.s AND placed_at < b.e),
         (SELECT count(*) FROM order_activity WHERE paid_at >= b.s AND paid_at < b.e),
         (SELECT COALESCE(sum(total_cents), 0) FROM order_activity WHERE paid_at >= b.s AND paid_at < b.e AND currency = $4),
         (SELECT count(*) FROM order_activity WHERE shipped_at >= b.s AND shipped_at < b.e),
         (SELECT count(*) FROM order_activity WHERE cancelled_at >= b.s AND cancelled_at < b.e),
         (SELECT count(DISTINCT order_id) FROM refund_activity WHERE refunded_at >= b.s AND refunded_at < b.e),
         (SELECT COALESCE(sum(amount_cents), 0) FROM refund_activity WHERE refunded_at >= b.s AND refunded_at < b.e AND currency = $4),
         (SELECT count(*) FROM enrollment_activity WHERE confirmed_at >= b.s AND confirmed_at < b.e),
         (SELECT count(*) FROM enrollment_activity WHERE waitlisted_at >= b.s AND waitlisted_at < b.e),
         (SELECT count(*) FROM enrollment_activity WHERE cancelled_at >= b.s AND cancelled_at < b.e),
         (SELECT count(*) FROM course_completion WHERE completed_at >= b.s AND completed_at < b.e)
       FROM b
       ON CONFLICT (kind, day) DO UPDATE SET
         time_zone = EXCLUDED.time_zone, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
         currency = EXCLUDED.currency, orders_placed = EXCLUDED.orders_placed, orders_paid = EXCLUDED.orders_paid,
         revenue_cents = EXCLUDED.revenue_cents, orders_shipped = EXCLUDED.orders_shipped,
         orders_cancelled = EXCLUDED.orders_cancelled, orders_refunded = EXCLUDED.orders_refunded,
         refunded_cents = EXCLUDED.refunded_cents, enrollments_confirmed = EXCLUDED.enrollments_confirmed,
         enrollments_waitlisted = EXCLUDED.enrollments_waitlisted, enrollments_cancelled = EXCLUDED.enrollments_cancelled,
         courses_completed = EXCLUDED.courses_completed, generated_at = date_trunc('milliseconds', now())
       RETURNING id`,
      [day, timeZone, kind, currency],
    );
    return row.id;
  }

  findById(id: string): Promise<ReportEntity | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.tx.reader.getRepository(ReportEntity).findOneBy({ id });
  }

  findByDay(kind: string, day: string): Promise<ReportEntity | null> {
    return this.tx.reader.getRepository(ReportEntity).findOneBy({ kind, day });
  }

  /** Newest day first; fetches `limit + 1` rows so the caller knows whether more follow. */
  async page(query: ReportPageQuery): Promise<{ rows: ReportEntity[]; totalCount: number }> {
    const repository = this.tx.reader.getRepository(ReportEntity);
    const builder = repository.createQueryBuilder('r').orderBy('r.day', 'DESC').addOrderBy('r.id', 'DESC').limit(query.limit + 1);
    if (query.after) builder.where('(r.day, r.id) < (:day, :id)', query.after);
    const [rows, totalCount] = await Promise.all([builder.getMany(), repository.count()]);
    return { rows, totalCount };
  }
}

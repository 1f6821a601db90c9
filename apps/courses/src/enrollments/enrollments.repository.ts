import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { EnrollmentStatus } from './enrollment-status.enum';

/** An enrollment as read, with its live position in the class's waitlist. */
export interface EnrollmentRecord {
  id: string;
  sessionId: string;
  courseId: string;
  userId: string;
  orderId: string;
  seatSku: string;
  seats: number;
  status: EnrollmentStatus;
  /** 1 = next in line; null unless WAITLISTED. */
  waitlistPosition: number | null;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface NewEnrollment {
  sessionId: string;
  courseId: string;
  userId: string;
  orderId: string;
  seatSku: string;
  seats: number;
  status: EnrollmentStatus.CONFIRMED | EnrollmentStatus.WAITLISTED;
  at: Date;
}

interface EnrollmentRow {
  id: string;
  session_id: string;
  course_id: string;
  user_id: string;
  order_id: string;
  seat_sku: string;
  seats: number;
  status: EnrollmentStatus;
  waitlist_position: string | null;
  created_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

// The waitlist position counts the waiting enrollments of the class that arrived no later.
const SELECT = `
  SELECT e.*,
    CASE WHEN e.status = 'WAITLISTED' THEN (
      SELECT count(*) FROM enrollment w
      WHERE w.session_id = e.session_id AND w.status = 'WAITLISTED' AND w.waitlist_seq <= e.waitlist_seq
    ) END AS waitlist_position
  FROM enrollment e`;

function toRecord(row: EnrollmentRow): EnrollmentRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    courseId: row.course_id,
    userId: row.user_id,
    orderId: row.order_id,
    seatSku: row.seat_sku,
    seats: row.seats,
    status: row.status,
    waitlistPosition: row.waitlist_position === null ? null : Number(row.waitlist_position),
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
  };
}

@Injectable()
export class EnrollmentsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private async select(where: string, parameters: unknown[], orderBy = 'e.created_at, e.id'): Promise<EnrollmentRecord[]> {
    const rows: EnrollmentRow[] = await this.tx.manager.query(`${SELECT} WHERE ${where} ORDER BY ${orderBy}`, parameters);
    return rows.map(toRecord);
  }

  /** Inserts unless the order line already has an enrollment; returns the new one or null. */
  async insert(enrollment: NewEnrollment): Promise<EnrollmentRecord | null> {
    const rows: EnrollmentRow[] = await this.tx.manager.query(
      `INSERT INTO enrollment (session_id, course_id, user_id, order_id, seat_sku, seats, status, waitlist_seq, created_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text,
         CASE WHEN $7::text = 'WAITLISTED' THEN nextval('enrollment_waitlist_seq') END,
         $8::timestamptz, CASE WHEN $7::text = 'CONFIRMED' THEN $8::timestamptz END)
       ON CONFLICT ON CONSTRAINT enrollment_order_line_key DO NOTHING
       RETURNING *,
         CASE WHEN status = 'WAITLISTED'
           THEN (SELECT count(*) + 1 FROM enrollment w WHERE w.session_id = $1 AND w.status = 'WAITLISTED' AND w.waitlist_seq < enrollment.waitlist_seq)
         END AS waitlist_position`,
      [enrollment.sessionId, enrollment.courseId, enrollment.userId, enrollment.orderId, enrollment.seatSku, enrollment.seats, enrollment.status, enrollment.at],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<EnrollmentRecord | null> {
    const [record] = await this.select('e.id = $1', [id]);
    return record ?? null;
  }

  async findByOrderLine(orderId: string, seatSku: string): Promise<EnrollmentRecord | null> {
    const [record] = await this.select('e.order_id = $1 AND e.seat_sku = $2', [orderId, seatSku]);
    return record ?? null;
  }

  /** Enrollments of an order that still hold a seat or a place in line. */
  findActiveByOrder(orderId: string): Promise<EnrollmentRecord[]> {
    return this.select(`e.order_id = $1 AND e.status <> 'CANCELLED'`, [orderId]);
  }

  /** The waitlist of a class in arrival order. */
  findWaitlisted(sessionId: string): Promise<EnrollmentRecord[]> {
    return this.select(`e.session_id = $1 AND e.status = 'WAITLISTED'`, [sessionId], 'e.waitlist_seq');
  }

  async countActive(sessionId: string): Promise<number> {
    const [row] = await this.tx.manager.query(`SELECT count(*) AS n FROM enrollment WHERE session_id = $1 AND status <> 'CANCELLED'`, [sessionId]);
    return Number(row.n);
  }

  async confirm(id: string, at: Date): Promise<void> {
    await this.tx.manager.query(`UPDATE enrollment SET status = 'CONFIRMED', confirmed_at = $2 WHERE id = $1`, [id, at]);
  }

  async cancel(id: string, at: Date, reason: string): Promise<void> {
    await this.tx.manager.query(`UPDATE enrollment SET status = 'CANCELLED', cancelled_at = $2, cancel_reason = $3 WHERE id = $1`, [id, at, reason]);
  }

  /** Enrollments of many students in one statement, newest first per student. */
  findByUserIds(userIds: readonly string[], status?: EnrollmentStatus | null): Promise<EnrollmentRecord[]> {
    return status
      ? this.select('e.user_id = ANY($1::uuid[]) AND e.status = $2', [userIds, status], 'e.created_at DESC, e.id DESC')
      : this.select('e.user_id = ANY($1::uuid[])', [userIds], 'e.created_at DESC, e.id DESC');
  }

  /** Confirmed students, then the waitlist in order, of many classes in one statement. */
  findRosters(sessionIds: readonly string[]): Promise<EnrollmentRecord[]> {
    return this.select(
      `e.session_id = ANY($1::uuid[]) AND e.status <> 'CANCELLED'`,
      [sessionIds],
      `e.session_id, e.status, e.confirmed_at, e.waitlist_seq, e.id`,
    );
  }

  /** Waiting enrollments per class, in one statement. */
  async waitlistCounts(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ session_id: string; n: string }> = await this.tx.reader.query(
      `SELECT session_id, count(*) AS n FROM enrollment WHERE session_id = ANY($1::uuid[]) AND status = 'WAITLISTED' GROUP BY session_id`,
      [sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, Number(row.n)]));
  }

  /** Of `courseIds`, those where the student holds a confirmed seat. */
  async confirmedCourseIds(userId: string, courseIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ course_id: string }> = await this.tx.reader.query(
      `SELECT DISTINCT course_id FROM enrollment WHERE user_id = $1 AND course_id = ANY($2::uuid[]) AND status = 'CONFIRMED'`,
      [userId, courseIds],
    );
    return new Set(rows.map((row) => row.course_id));
  }

  /** Serialises the handling of one order's events until the transaction ends (any replica). */
  async lockOrder(orderId: string): Promise<void> {
    await this.tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('courses:order:' || $1, 0))`, [orderId]);
  }

  async markOrderCancelled(orderId: string, reason: string, at: Date): Promise<void> {
    await this.tx.manager.query(`INSERT INTO cancelled_order (order_id, reason, cancelled_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [orderId, reason, at]);
  }

  async isOrderCancelled(orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM cancelled_order WHERE order_id = $1`, [orderId]);
    return rows.length > 0;
  }

  /**
   * Locks the student's first confirmed enrollment in the course (null when there is none), so
   * their lesson completions and the certificate decision are serialised.
   */
  async lockConfirmed(userId: string, courseId: string): Promise<EnrollmentRecord | null> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `SELECT id FROM enrollment WHERE user_id = $1 AND course_id = $2 AND status = 'CONFIRMED' ORDER BY confirmed_at, id LIMIT 1 FOR UPDATE`,
      [userId, courseId],
    );
    return rows.length ? this.findById(rows[0].id) : null;
  }
}

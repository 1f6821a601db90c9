import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';

export type EnrollmentStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

export interface EnrollmentActivity {
  enrollmentId: string;
  userId: string;
  courseId: string;
  sessionId: string;
  status: EnrollmentStatus;
  sessionStartsAt: Date;
}

const STATUS_COLUMN: Record<EnrollmentStatus, string> = {
  CONFIRMED: 'confirmed_at',
  WAITLISTED: 'waitlisted_at',
  CANCELLED: 'cancelled_at',
};

interface Row {
  enrollment_id: string;
  user_id: string;
  course_id: string;
  session_id: string;
  status: EnrollmentStatus;
  session_starts_at: Date;
}

const toActivity = (row: Row): EnrollmentActivity => ({
  enrollmentId: row.enrollment_id,
  userId: row.user_id,
  courseId: row.course_id,
  sessionId: row.session_id,
  status: row.status,
  sessionStartsAt: row.session_starts_at,
});

/** Enrollment state as the courses events told it, with the time of each change. */
@Injectable()
export class EnrollmentActivityRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Records a status change at `at` (the event time); the latest status wins. */
  async recordStatus(activity: EnrollmentActivity, at: string): Promise<void> {
    const column = STATUS_COLUMN[activity.status];
    await this.tx.manager.query(
      `INSERT INTO enrollment_activity (enrollment_id, user_id, course_id, session_id, status, session_starts_at, ${column})
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (enrollment_id) DO UPDATE
         SET status = EXCLUDED.status, session_id = EXCLUDED.session_id, session_starts_at = EXCLUDED.session_starts_at,
             ${column} = EXCLUDED.${column}, updated_at = now()`,
      [activity.enrollmentId, activity.userId, activity.courseId, activity.sessionId, activity.status, activity.sessionStartsAt, at],
    );
  }

  async find(enrollmentId: string): Promise<EnrollmentActivity | null> {
    const [row]: Row[] = await this.tx.manager.query(`SELECT * FROM enrollment_activity WHERE enrollment_id = $1`, [enrollmentId]);
    return row ? toActivity(row) : null;
  }

  /** Moves every enrollment of a session to its new start; returns the confirmed ones. */
  async rescheduleSession(sessionId: string, startsAt: string): Promise<EnrollmentActivity[]> {
    const rows: [Row[], number] | Row[] = await this.tx.manager.query(
      `UPDATE enrollment_activity SET session_starts_at = $2, updated_at = now() WHERE session_id = $1 RETURNING *`,
      [sessionId, startsAt],
    );
    // TypeORM returns [rows, affected] for UPDATE ... RETURNING on Postgres.
    const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as Row[];
    return updated.map(toActivity).filter((activity) => activity.status === 'CONFIRMED');
  }

  async recordCompletion(userId: string, courseId: string, at: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO course_completion (user_id, course_id, completed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, courseId, at],
    );
  }
}

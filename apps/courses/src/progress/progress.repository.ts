import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { CertificateEntity } from './certificate.entity';

/** A student in a course: the key of progress and certificates. */
export interface StudentCourse {
  userId: string;
  courseId: string;
}

@Injectable()
export class ProgressRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Idempotent: completing a lesson twice keeps the first time. */
  async insertCompletion(userId: string, lessonId: string, courseId: string, at: Date): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO lesson_completion (user_id, lesson_id, course_id, completed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [userId, lessonId, courseId, at],
    );
  }

  /** Completed, still active lessons of many students in many courses, in one statement. */
  async completedActiveLessons(pairs: readonly StudentCourse[]): Promise<Array<StudentCourse & { lessonId: string }>> {
    const rows: Array<{ user_id: string; course_id: string; lesson_id: string }> = await this.tx.manager.query(
      `SELECT lc.user_id, lc.course_id, lc.lesson_id
       FROM lesson_completion lc
       JOIN lesson l ON l.id = lc.lesson_id AND l.archived_at IS NULL
       WHERE (lc.user_id, lc.course_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
       ORDER BY l.position, l.created_at, l.id`,
      [pairs.map((pair) => pair.userId), pairs.map((pair) => pair.courseId)],
    );
    return rows.map((row) => ({ userId: row.user_id, courseId: row.course_id, lessonId: row.lesson_id }));
  }

  /** Active lessons per course, in one statement. */
  async activeLessonCounts(courseIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ course_id: string; n: string }> = await this.tx.manager.query(
      `SELECT course_id, count(*) AS n FROM lesson WHERE course_id = ANY($1::uuid[]) AND archived_at IS NULL GROUP BY course_id`,
      [courseIds],
    );
    return new Map(rows.map((row) => [row.course_id, Number(row.n)]));
  }

  findCertificate(userId: string, courseId: string): Promise<CertificateEntity | null> {
    return this.tx.manager.findOne(CertificateEntity, { where: { userId, courseId } });
  }

  findCertificateByCode(code: string): Promise<CertificateEntity | null> {
    return this.tx.reader.findOne(CertificateEntity, { where: { code } });
  }

  /** Certificates of many students in many courses, in one statement. */
  async findCertificates(pairs: readonly StudentCourse[]): Promise<CertificateEntity[]> {
    const rows: Array<{ id: string; code: string; user_id: string; course_id: string; enrollment_id: string; issued_at: Date }> =
      await this.tx.manager.query(
        `SELECT * FROM certificate WHERE (user_id, course_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
        [pairs.map((pair) => pair.userId), pairs.map((pair) => pair.courseId)],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      userId: row.user_id,
      courseId: row.course_id,
      enrollmentId: row.enrollment_id,
      issuedAt: row.issued_at,
    }));
  }

  /**
   * Inserts the certificate. Codes carry 80 random bits, so a collision (which would fail the
   * unique constraint and the request) is not worth a retry loop.
   */
  async insertCertificate(certificate: Omit<CertificateEntity, 'id'>): Promise<CertificateEntity> {
    const [row]: Array<{ id: string }> = await this.tx.manager.query(
      `INSERT INTO certificate (code, user_id, course_id, enrollment_id, issued_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [certificate.code, certificate.userId, certificate.courseId, certificate.enrollmentId, certificate.issuedAt],
    );
    return { ...certificate, id: row.id };
  }
}

import { TransactionHost } from '@mestres/database';

/** The idempotent writes of the demo seed (plain SQL: upserts with conditions TypeORM cannot express). */
export class SeedCoursesRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Upserts by slug and returns the course id (an existing course keeps its id). */
  async upsertCourse(course: {
    id: string;
    slug: string;
    title: string;
    description: string;
    level: string;
    durationMinutes: number;
    productId: string;
    instructorId: string | null;
  }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.tx.manager.query(
      `INSERT INTO course (id, slug, title, description, level, duration_minutes, product_id, instructor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (slug) DO UPDATE SET
         title = EXCLUDED.title, description = EXCLUDED.description, level = EXCLUDED.level,
         duration_minutes = EXCLUDED.duration_minutes, product_id = EXCLUDED.product_id,
         instructor_id = coalesce(EXCLUDED.instructor_id, course.instructor_id), archived_at = NULL, updated_at = now()
       RETURNING id`,
      [course.id, course.slug, course.title, course.description, course.level, course.durationMinutes, course.productId, course.instructorId],
    );
    return row.id;
  }

  /**
   * Inserts the class sold by `seatSku`; an existing one keeps its schedule and seats unless it
   * has ended with nobody enrolled, in which case it moves to the new dates (so a long-lived
   * development database keeps upcoming classes). Returns true when inserted or moved.
   */
  async upsertSession(session: {
    id: string;
    courseId: string;
    seatSku: string;
    startsAt: Date;
    endsAt: Date;
    format: string;
    location: string | null;
    capacity: number;
  }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO course_session (id, course_id, seat_sku, starts_at, ends_at, format, location, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (seat_sku) DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, updated_at = now()
       WHERE course_session.ends_at < now()
         AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.session_id = course_session.id AND e.status <> 'CANCELLED')
       RETURNING id`,
      [session.id, session.courseId, session.seatSku, session.startsAt, session.endsAt, session.format, session.location, session.capacity],
    );
    return rows.length > 0;
  }

  async upsertLesson(lesson: { id: string; courseId: string; position: number; title: string; summary: string; content: string; durationMinutes: number }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO lesson (id, course_id, position, title, summary, content, duration_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET
         position = EXCLUDED.position, title = EXCLUDED.title, summary = EXCLUDED.summary,
         content = EXCLUDED.content, duration_minutes = EXCLUDED.duration_minutes, archived_at = NULL, updated_at = now()`,
      [lesson.id, lesson.courseId, lesson.position, lesson.title, lesson.summary, lesson.content, lesson.durationMinutes],
    );
  }
}

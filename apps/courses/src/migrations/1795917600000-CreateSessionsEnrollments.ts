import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Classes (sessions) with their seats, online lessons, enrollments with an ordered waitlist,
 * lesson progress and certificates.
 */
export class CreateSessionsEnrollments1795917600000 implements MigrationInterface {
  name = 'CreateSessionsEnrollments1795917600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // instructor_id refers to a user of the users service: no foreign key across services.
    await queryRunner.query(`
      ALTER TABLE course
        ADD COLUMN instructor_id uuid,
        ADD COLUMN archived_at timestamptz,
        ADD CONSTRAINT course_title_present CHECK (btrim(title) <> ''),
        ADD CONSTRAINT course_description_present CHECK (btrim(description) <> '')`);
    await queryRunner.query(`CREATE INDEX course_instructor_idx ON course (instructor_id) WHERE instructor_id IS NOT NULL`);

    // seats_taken counts the seats of CONFIRMED enrollments; it is only changed while the row
    // is locked (SELECT ... FOR UPDATE), and the CHECK makes an overbooking impossible even so.
    await queryRunner.query(`
      CREATE TABLE course_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id),
        seat_sku text NOT NULL UNIQUE CHECK (seat_sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        format text NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE')),
        location text,
        capacity int NOT NULL CHECK (capacity > 0),
        seats_taken int NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_session_not_overbooked CHECK (seats_taken <= capacity),
        CONSTRAINT course_session_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT course_session_location_iff_in_person CHECK ((format = 'IN_PERSON') = (location IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX course_session_course_idx ON course_session (course_id, starts_at, id)`);
    await queryRunner.query(`CREATE INDEX course_session_active_starts_idx ON course_session (starts_at) WHERE archived_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id),
        position int NOT NULL CHECK (position >= 1),
        title text NOT NULL CHECK (btrim(title) <> ''),
        summary text NOT NULL DEFAULT '',
        content text NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes > 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX lesson_course_idx ON lesson (course_id, position, id)`);

    // The waitlist order is the sequence value taken while the session row is locked, so it
    // is a strict total order of arrival; promotion walks it ascending.
    await queryRunner.query(`CREATE SEQUENCE enrollment_waitlist_seq AS bigint`);
    await queryRunner.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES course_session (id),
        course_id uuid NOT NULL REFERENCES course (id),
        user_id uuid NOT NULL,
        order_id text NOT NULL,
        seat_sku text NOT NULL,
        seats int NOT NULL CHECK (seats > 0),
        status text NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
        waitlist_seq bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text,
        CONSTRAINT enrollment_order_line_key UNIQUE (order_id, seat_sku),
        CONSTRAINT enrollment_waitlisted_has_seq CHECK (status <> 'WAITLISTED' OR waitlist_seq IS NOT NULL),
        CONSTRAINT enrollment_confirmed_has_time CHECK (status <> 'CONFIRMED' OR confirmed_at IS NOT NULL),
        CONSTRAINT enrollment_cancelled_complete CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX enrollment_waitlist_idx ON enrollment (session_id, waitlist_seq) WHERE status = 'WAITLISTED'`);
    await queryRunner.query(`CREATE INDEX enrollment_session_status_idx ON enrollment (session_id, status)`);
    await queryRunner.query(`CREATE INDEX enrollment_user_idx ON enrollment (user_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX enrollment_user_course_idx ON enrollment (user_id, course_id) WHERE status = 'CONFIRMED'`);

    // Orders whose enrollments were cancelled. Replicas may handle an order's paid and
    // cancelled events at the same time; whichever comes second sees this and stays consistent.
    await queryRunner.query(`
      CREATE TABLE cancelled_order (
        order_id text PRIMARY KEY,
        reason text NOT NULL,
        cancelled_at timestamptz NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE lesson_completion (
        user_id uuid NOT NULL,
        lesson_id uuid NOT NULL REFERENCES lesson (id),
        course_id uuid NOT NULL REFERENCES course (id),
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, lesson_id)
      )`);
    await queryRunner.query(`CREATE INDEX lesson_completion_user_course_idx ON lesson_completion (user_id, course_id)`);

    await queryRunner.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-7]{16}$'),
        user_id uuid NOT NULL,
        course_id uuid NOT NULL REFERENCES course (id),
        enrollment_id uuid NOT NULL REFERENCES enrollment (id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_one_per_course UNIQUE (user_id, course_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE certificate`);
    await queryRunner.query(`DROP TABLE lesson_completion`);
    await queryRunner.query(`DROP TABLE cancelled_order`);
    await queryRunner.query(`DROP TABLE enrollment`);
    await queryRunner.query(`DROP SEQUENCE enrollment_waitlist_seq`);
    await queryRunner.query(`DROP TABLE lesson`);
    await queryRunner.query(`DROP TABLE course_session`);
    await queryRunner.query(`DROP INDEX course_instructor_idx`);
    await queryRunner.query(`
      ALTER TABLE course
        DROP CONSTRAINT course_description_present,
        DROP CONSTRAINT course_title_present,
        DROP COLUMN archived_at,
        DROP COLUMN instructor_id`);
  }
}

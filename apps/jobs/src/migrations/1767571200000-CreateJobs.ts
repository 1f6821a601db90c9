import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobs1767571200000 implements MigrationInterface {
  name = 'CreateJobs1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who e-mails go to, from users.user.registered.v1 (the users service owns the truth).
    await queryRunner.query(`
      CREATE TABLE recipient (
        user_id text PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per e-mail job: the claim that makes a job send at most once per lease, and
    // the record of what was sent or why it failed.
    await queryRunner.query(`
      CREATE TABLE email_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id text NOT NULL,
        job_name text NOT NULL,
        user_id text,
        recipient text,
        subject text,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        message_id text,
        error text,
        claimed_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_log_job_id_key UNIQUE (job_id),
        CONSTRAINT email_log_status_valid CHECK (status IN ('sending', 'sent', 'failed')),
        CONSTRAINT email_log_sent_complete CHECK (status <> 'sent' OR (sent_at IS NOT NULL AND recipient IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX email_log_created_at_idx ON email_log (created_at)`);
    await queryRunner.query(`CREATE INDEX email_log_user_idx ON email_log (user_id, created_at DESC)`);

    // Order milestones from the orders events, by event time: the report's sales figures.
    await queryRunner.query(`
      CREATE TABLE order_activity (
        order_id text PRIMARY KEY,
        user_id text NOT NULL,
        currency text NOT NULL,
        total_cents bigint NOT NULL,
        placed_at timestamptz,
        paid_at timestamptz,
        shipped_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX order_activity_placed_idx ON order_activity (placed_at)`);
    await queryRunner.query(`CREATE INDEX order_activity_paid_idx ON order_activity (paid_at)`);

    // Refunds one by one (an order can be refunded in parts, on different days).
    await queryRunner.query(`
      CREATE TABLE refund_activity (
        refund_id text PRIMARY KEY,
        order_id text NOT NULL,
        currency text NOT NULL,
        amount_cents bigint NOT NULL,
        refunded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX refund_activity_refunded_idx ON refund_activity (refunded_at)`);

    // The latest state of each signed-in cart: an abandoned-cart reminder is sent only if the
    // cart is still as it was when the reminder was scheduled.
    await queryRunner.query(`
      CREATE TABLE cart_activity (
        cart_id text PRIMARY KEY,
        user_id text NOT NULL,
        item_count integer NOT NULL,
        last_activity_at timestamptz NOT NULL
      )`);

    // Enrollment state from the courses events: the report's enrollment figures, and
    // whether a scheduled reminder is still wanted.
    await queryRunner.query(`
      CREATE TABLE enrollment_activity (
        enrollment_id text PRIMARY KEY,
        user_id text NOT NULL,
        course_id text NOT NULL,
        session_id text NOT NULL,
        status text NOT NULL,
        session_starts_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        waitlisted_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrollment_activity_status_valid CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED'))
      )`);
    await queryRunner.query(`CREATE INDEX enrollment_activity_session_idx ON enrollment_activity (session_id)`);

    await queryRunner.query(`
      CREATE TABLE course_completion (
        user_id text NOT NULL,
        course_id text NOT NULL,
        completed_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, course_id)
      )`);
    await queryRunner.query(`CREATE INDEX course_completion_completed_idx ON course_completion (completed_at)`);

    // The nightly report: one row per kind and day, regenerated in place.
    await queryRunner.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        day date NOT NULL,
        time_zone text NOT NULL,
        currency text NOT NULL,
        orders_placed integer NOT NULL,
        orders_paid integer NOT NULL,
        revenue_cents bigint NOT NULL,
        orders_shipped integer NOT NULL,
        orders_cancelled integer NOT NULL,
        orders_refunded integer NOT NULL,
        refunded_cents bigint NOT NULL,
        enrollments_confirmed integer NOT NULL,
        enrollments_waitlisted integer NOT NULL,
        enrollments_cancelled integer NOT NULL,
        courses_completed integer NOT NULL,
        -- Millisecond precision so a JavaScript Date in a page cursor matches the row exactly.
        generated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT report_kind_day_key UNIQUE (kind, day)
      )`);
    await queryRunner.query(`CREATE INDEX report_page_idx ON report (day DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report', 'course_completion', 'enrollment_activity', 'cart_activity', 'refund_activity', 'order_activity', 'email_log', 'recipient']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

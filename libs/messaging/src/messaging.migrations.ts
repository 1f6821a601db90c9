import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events waiting for the relay. Unqualified names: the service's search_path puts the table
 * (and the trigger function) in its own schema. The statement trigger NOTIFYs at commit,
 * so the relay wakes right after the transaction that wrote the event, and never for one
 * that rolled back.
 */
export class CreateMessagingOutbox1767225600000 implements MigrationInterface {
  name = 'CreateMessagingOutbox1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
  }
}

/** Event ids each consumer already processed, written in the handler's transaction. */
export class CreateMessagingInbox1767225600001 implements MigrationInterface {
  name = 'CreateMessagingInbox1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX inbox_processed_at_idx ON inbox (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox`);
  }
}

/** Add to every service's migrations: `migrations: [...messagingMigrations, ...own]`. */
export const messagingMigrations = [CreateMessagingOutbox1767225600000, CreateMessagingInbox1767225600001];

/** The NOTIFY channel of a schema's outbox (see the trigger above). */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

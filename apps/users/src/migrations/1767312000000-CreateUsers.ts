import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1767312000000 implements MigrationInterface {
  name = 'CreateUsers1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT ARRAY['CUSTOMER'],
        token_version integer NOT NULL DEFAULT 1,
        -- Millisecond precision so a JavaScript Date in a page cursor matches the row exactly.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email))),
        CONSTRAINT users_roles_valid CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['CUSTOMER', 'INSTRUCTOR', 'ADMIN'])
      )`);
    // lower() although emails are stored normalised: the index itself guarantees case-insensitive uniqueness.
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX users_search_idx ON users USING gin ((name || ' ' || email) gin_trgm_ops)`);

    // A session is one login: a family of refresh tokens, each replacing the previous one.
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text,
        CONSTRAINT sessions_revocation_complete CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX sessions_active_by_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    // Only SHA-256 hashes are stored: a database leak does not leak usable refresh tokens.
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        CONSTRAINT refresh_tokens_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$')
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await queryRunner.query(`
      CREATE TABLE addresses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        recipient text NOT NULL,
        street text NOT NULL,
        number text NOT NULL,
        complement text,
        district text NOT NULL,
        city text NOT NULL,
        state char(2) NOT NULL,
        postal_code char(8) NOT NULL,
        phone text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT addresses_postal_code_format CHECK (postal_code ~ '^[0-9]{8}$'),
        CONSTRAINT addresses_state_valid CHECK (state IN (
          'AC','AL','AP','AM','BA','CE','DF','ES','GO','MA','MT','MS','MG','PA','PB','PR','PE','PI','RJ','RN','RS','RO','RR','SC','SP','SE','TO'))
      )`);
    await queryRunner.query(`CREATE INDEX addresses_user_idx ON addresses (user_id, created_at, id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX addresses_one_default_per_user ON addresses (user_id) WHERE is_default`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE addresses`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}

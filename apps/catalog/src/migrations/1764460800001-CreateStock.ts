import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock per SKU, reservations per order and a ledger of every movement.
 *
 * Stock lives apart from `product_variants` so the rows that change on every order are small
 * and never invalidate the read-mostly product data. The CHECK constraints are the last line
 * of defence against overselling: no code path can make `reserved` exceed `on_hand`.
 */
export class CreateStock1764460800001 implements MigrationInterface {
  name = 'CreateStock1764460800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stock_levels (
        sku text PRIMARY KEY REFERENCES product_variants (sku) ON DELETE CASCADE,
        on_hand int NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved int NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE stock_reservations (
        order_id text PRIMARY KEY CHECK (length(order_id) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE stock_reservation_lines (
        order_id text NOT NULL REFERENCES stock_reservations (order_id) ON DELETE CASCADE,
        sku text NOT NULL REFERENCES stock_levels (sku),
        quantity int NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (order_id, sku)
      )`);

    await queryRunner.query(`
      CREATE TABLE stock_movements (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        sku text NOT NULL REFERENCES stock_levels (sku) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('RESERVED', 'COMMITTED', 'RELEASED', 'ADJUSTED')),
        on_hand_delta int NOT NULL,
        reserved_delta int NOT NULL,
        -- For adjustments: why (RECEIVED, RECOUNT, ...) and the operator's note.
        reason text,
        note text,
        order_id text,
        actor_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX stock_movements_sku_idx ON stock_movements (sku, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_movements`);
    await queryRunner.query(`DROP TABLE stock_reservation_lines`);
    await queryRunner.query(`DROP TABLE stock_reservations`);
    await queryRunner.query(`DROP TABLE stock_levels`);
  }
}

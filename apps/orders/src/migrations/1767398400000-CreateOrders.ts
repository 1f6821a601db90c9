import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carts, orders (partitioned by month), checkout idempotency and payment records.
 *
 * Partitioning: `orders` is range-partitioned on `created_at`, one partition per calendar month
 * (UTC), so old months can be detached and archived whole and recent-order queries only touch
 * recent partitions. Postgres enforces a primary key or unique constraint on a partitioned table
 * with one index per partition, so the key must contain the partition key: the primary key is
 * `(id, created_at)`. Order ids are UUIDv7, whose first 48 bits are `created_at` in ms, so a
 * lookup by id alone can still name the partition.
 *
 * `order_lines` and `order_transitions` are partitioned the same way on `order_created_at` and
 * reference `orders (id, created_at)`: a foreign key must point at a unique constraint, which on
 * `orders` is that composite key. A month of orders, lines and history is then detached together.
 *
 * There is no DEFAULT partition: rows outside every partition fail loudly instead of piling up in
 * a catch-all that would make creating the missing month's partition scan and block. Partitions
 * are created ahead by `ensure_order_partitions` (here, at every boot, and nightly through the
 * `orders.maintenance.ensure-partitions.v1` request the jobs service schedules).
 */
export class CreateOrders1767398400000 implements MigrationInterface {
  name = 'CreateOrders1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE carts (
        id uuid PRIMARY KEY,
        -- NULL for a guest cart, which only its id (a secret the browser keeps) gives access to.
        user_id text UNIQUE CHECK (length(user_id) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX carts_guest_updated_at_idx ON carts (updated_at) WHERE user_id IS NULL`);

    await queryRunner.query(`
      CREATE TABLE cart_lines (
        cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 100),
        quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        -- The unit price the customer was shown; checkout answers PriceChanged when it moved.
        seen_unit_price_cents bigint CHECK (seen_unit_price_cents >= 0),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cart_id, sku)
      )`);

    await queryRunner.query(`
      CREATE TABLE orders (
        id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        user_id text NOT NULL CHECK (length(user_id) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
        currency text NOT NULL DEFAULT 'BRL' CHECK (currency = 'BRL'),
        subtotal_cents bigint NOT NULL CHECK (subtotal_cents >= 0),
        shipping_cents bigint NOT NULL CHECK (shipping_cents >= 0),
        total_cents bigint NOT NULL CHECK (total_cents = subtotal_cents + shipping_cents),
        captured_cents bigint NOT NULL DEFAULT 0 CHECK (captured_cents BETWEEN 0 AND total_cents),
        refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents BETWEEN 0 AND captured_cents),
        payment_status text NOT NULL DEFAULT 'PENDING'
          CHECK (payment_status IN ('PENDING', 'REQUIRES_CONFIRMATION', 'SUCCEEDED', 'DECLINED', 'FAILED', 'CANCELLED')),
        payment_provider text,
        payment_id text,
        payment_decline_code text,
        -- What the catalog holds for this order: reserved units, shipped (committed) or given back.
        stock_state text NOT NULL DEFAULT 'RESERVED' CHECK (stock_state IN ('RESERVED', 'COMMITTED', 'RELEASED')),
        payment_expires_at timestamptz NOT NULL,
        paid_at timestamptz,
        tracking_code text,
        shipped_at timestamptz,
        delivered_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, created_at)
      ) PARTITION BY RANGE (created_at)`);
    // Rows arrive in created_at order (UUIDv7 ids, now()), so a tiny BRIN serves date ranges.
    await queryRunner.query(`CREATE INDEX orders_created_at_brin ON orders USING brin (created_at)`);
    // myOrders and User.orders: one user's orders, newest first.
    await queryRunner.query(`CREATE INDEX orders_user_created_idx ON orders (user_id, created_at DESC)`);
    // Admin list filtered by status, newest first.
    await queryRunner.query(`CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC)`);
    // Boot sweeps: unpaid orders to expire, and stock still held by orders that are past payment.
    await queryRunner.query(`CREATE INDEX orders_pending_expiry_idx ON orders (payment_expires_at) WHERE status = 'PENDING_PAYMENT'`);
    await queryRunner.query(
      `CREATE INDEX orders_stock_unsettled_idx ON orders (created_at) WHERE stock_state = 'RESERVED' AND status <> 'PENDING_PAYMENT'`,
    );

    await queryRunner.query(`
      CREATE TABLE order_lines (
        order_id uuid NOT NULL,
        order_created_at timestamptz NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        sku text NOT NULL,
        product_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('COFFEE', 'EQUIPMENT', 'COURSE_SEAT')),
        name text NOT NULL,
        variant_name text NOT NULL,
        quantity int NOT NULL CHECK (quantity >= 1),
        unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
        line_total_cents bigint NOT NULL CHECK (line_total_cents = unit_price_cents * quantity),
        PRIMARY KEY (order_id, order_created_at, line_no),
        FOREIGN KEY (order_id, order_created_at) REFERENCES orders (id, created_at) ON DELETE CASCADE
      ) PARTITION BY RANGE (order_created_at)`);

    await queryRunner.query(`
      CREATE TABLE order_transitions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        order_id uuid NOT NULL,
        order_created_at timestamptz NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('CUSTOMER', 'ADMIN', 'SYSTEM', 'PAYMENT_PROVIDER')),
        actor_id text,
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (order_id, order_created_at, id),
        FOREIGN KEY (order_id, order_created_at) REFERENCES orders (id, created_at) ON DELETE CASCADE
      ) PARTITION BY RANGE (order_created_at)`);

    await queryRunner.query(`
      CREATE TABLE order_refunds (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        order_created_at timestamptz NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        reason text NOT NULL,
        provider_refund_id text NOT NULL,
        actor_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (order_id, order_created_at) REFERENCES orders (id, created_at) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX order_refunds_order_idx ON order_refunds (order_id, order_created_at)`);

    // One row per (user, idempotency key), inserted before anything else happens: the primary key
    // decides which of several concurrent requests runs the checkout; the others wait and replay.
    await queryRunner.query(`
      CREATE TABLE checkout_requests (
        user_id text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        -- Chosen when the key is claimed, so a saga taken over after a crash keeps its order id.
        order_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
        result jsonb,
        -- Whoever holds the key proves it with this token (a taken-over saga cannot complete).
        lease_token uuid NOT NULL,
        locked_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX checkout_requests_created_at_idx ON checkout_requests (created_at)`);
    await queryRunner.query(`CREATE INDEX checkout_requests_order_idx ON checkout_requests (order_id)`);

    // Provider webhook deliveries already processed (replays and redeliveries are no-ops).
    await queryRunner.query(`
      CREATE TABLE payment_webhook_events (
        event_id text PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The sandbox payment provider's own ledger: what a real provider keeps on its side.
    await queryRunner.query(`
      CREATE TABLE sandbox_payments (
        id text PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        reference text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents BETWEEN 0 AND amount_cents),
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED', 'REQUIRES_CONFIRMATION', 'CANCELLED')),
        decline_code text,
        card_last4 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sandbox_refunds (
        id text PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        payment_id text NOT NULL REFERENCES sandbox_payments (id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // search_path is pinned to this schema, so the function works whoever calls it and from where.
    await queryRunner.query(`
      CREATE FUNCTION ensure_order_partitions(months_ahead int) RETURNS SETOF text
      LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE
        first_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
        month_start timestamp;
        parent text;
        partition_name text;
      BEGIN
        IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 120 THEN
          RAISE EXCEPTION 'months_ahead must be between 0 and 120, got %', months_ahead;
        END IF;
        -- Replicas booting together must not race on CREATE TABLE.
        PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.ensure_order_partitions'));
        FOR i IN 0..months_ahead LOOP
          month_start := first_month + make_interval(months => i);
          FOREACH parent IN ARRAY ARRAY['orders', 'order_lines', 'order_transitions'] LOOP
            partition_name := parent || '_p' || to_char(month_start, 'YYYY_MM');
            IF to_regclass(partition_name) IS NULL THEN
              EXECUTE format(
                'CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                partition_name, parent, month_start::text || '+00', (month_start + interval '1 month')::text || '+00'
              );
              RETURN NEXT partition_name;
            END IF;
          END LOOP;
        END LOOP;
      END $$`);
    await queryRunner.query(`SELECT ensure_order_partitions(3)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ensure_order_partitions(int)`);
    for (const table of [
      'sandbox_refunds',
      'sandbox_payments',
      'payment_webhook_events',
      'checkout_requests',
      'order_refunds',
      'order_transitions',
      'order_lines',
      'orders',
      'cart_lines',
      'carts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

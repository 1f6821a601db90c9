import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mestres/testing';
import { ordersDatabase } from '../../src/database';
import { seedOrders } from '../../src/seed/seed-orders';

describe(seedOrders.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(ordersDatabase());
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('loads the demo customer\'s orders once, however often it runs (free shipping above R$ 200)', async () => {
    const customerId = randomUUID();
    const options = { customerId, shipping: { flatCents: 2500, freeFromCents: 20000 }, monthsAhead: 3 };
    expect(await seedOrders(db.tx, options)).toMatchObject({ created: 2, skipped: 0 });
    expect(await seedOrders(db.tx, options)).toMatchObject({ created: 0, skipped: 2 });

    const orders = await db.sources.primary.query(
      `SELECT status, total_cents::int AS total, captured_cents::int AS captured, stock_state, tracking_code,
              (SELECT count(*)::int FROM order_transitions t WHERE t.order_id = o.id) AS transitions
       FROM orders o WHERE user_id = $1 ORDER BY status`,
      [customerId],
    );
    expect(orders).toEqual([
      { status: 'DELIVERED', total: 6390 * 2 + 7590, captured: 6390 * 2 + 7590, stock_state: 'COMMITTED', tracking_code: 'BR123456789BR', transitions: 5 },
      { status: 'PAID', total: 189000, captured: 189000, stock_state: 'COMMITTED', tracking_code: null, transitions: 2 },
    ]);
    expect(await db.sources.primary.query(`SELECT 1 FROM outbox`)).toHaveLength(0);
  });
});

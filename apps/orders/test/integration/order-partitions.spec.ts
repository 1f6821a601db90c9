import { connect } from '@nats-io/transport-node';
import { uniqueSuffix } from '@mestres/testing';
import { OrderPartitions } from '../../src/maintenance/order-partitions.service';
import { newOrderKey } from '../../src/shared/order-id';
import { natsUrl } from '../support/infrastructure';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';

/** `orders_p2026_11` for the month `offset` months from now (UTC). */
function partitionName(parent: string, offset: number): string {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${parent}_p${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe(OrderPartitions.name, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let orders: OrdersTestApp;

  beforeAll(async () => {
    orders = await startOrdersApp({ natsPrefix, env: { ORDER_PARTITIONS_MONTHS_AHEAD: '4' } });
  });

  afterAll(async () => {
    await orders?.close();
    await deleteStreams(natsPrefix);
  });

  const partitionsOf = async (parent: string) =>
    (
      await orders.sql<Array<{ name: string }>>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = $1 AND p.relnamespace = current_schema()::regnamespace ORDER BY 1`,
        [parent],
      )
    ).map((row) => row.name);

  it('keeps orders, lines and history partitioned by month, created ahead at boot', async () => {
    for (const parent of ['orders', 'order_lines', 'order_transitions']) {
      expect(await partitionsOf(parent)).toEqual([0, 1, 2, 3, 4].map((offset) => partitionName(parent, offset)));
    }
    const [key] = await orders.sql(
      `SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey, a.attnum)) AS columns FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = 'orders'::regclass AND i.indisprimary`,
    );
    expect(key.columns).toEqual(['id', 'created_at']);
    const indexes = await orders.sql(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders' AND schemaname = current_schema()`);
    expect(indexes.find((index) => index.indexname === 'orders_created_at_brin')?.indexdef).toMatch(/USING brin \(created_at\)/);
    expect(indexes.find((index) => index.indexname === 'orders_user_created_idx')?.indexdef).toMatch(/\(user_id, created_at DESC\)/);
  });

  it('creates missing partitions when the nightly maintenance request asks, and nothing the second time', async () => {
    const nc = await connect({ servers: [natsUrl()] });
    try {
      const ask = async (monthsAhead: number) =>
        (await nc.request(`${natsPrefix}.rpc.orders.maintenance.ensure-partitions.v1`, JSON.stringify({ monthsAhead }), { timeout: 5_000 })).json<{
          result: { created: string[]; monthsAhead: number };
        }>();
      const first = await ask(6);
      expect(first.result).toEqual({
        monthsAhead: 6,
        created: [5, 6].flatMap((offset) => ['orders', 'order_lines', 'order_transitions'].map((parent) => partitionName(parent, offset))),
      });
      expect((await ask(6)).result.created).toEqual([]);
      const invalid = (await nc.request(`${natsPrefix}.rpc.orders.maintenance.ensure-partitions.v1`, JSON.stringify({ monthsAhead: -1 }), { timeout: 5_000 })).json<{
        error: { code: string };
      }>();
      expect(invalid.error.code).toBe('BAD_REQUEST');
    } finally {
      await nc.close();
    }
  });

  it('reads one order from one partition only (the id names its month)', async () => {
    const { id, createdAt } = newOrderKey(new Date());
    const plan = (await orders.sql<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN SELECT * FROM orders WHERE id = $1 AND created_at = $2`, [id, createdAt]))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    const scanned = plan.match(/orders_p\d{4}_\d{2}/g) ?? [];
    expect([...new Set(scanned)]).toEqual([partitionName('orders', 0)]);
    expect(plan).not.toMatch(/Append/);
  });

  it("uses the (user_id, created_at desc) index for a customer's newest orders", async () => {
    const plan = await orders.db.tx.transaction(async () => {
      await orders.db.tx.manager.query(`SET LOCAL enable_seqscan = off`);
      const rows: Array<{ 'QUERY PLAN': string }> = await orders.db.tx.manager.query(
        `EXPLAIN SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 21`,
        ['someone'],
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/orders_p\d{4}_\d{2}_user_id_created_at_idx/);
  });
});

import { connect, type NatsConnection } from '@nats-io/transport-node';
import { StockError } from '../../src/stock/stock.errors';
import { StockService } from '../../src/stock/stock.service';
import { aProduct } from '../builders/product.builder';
import { natsUrl, startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

describe(StockService.name, () => {
  let catalog: CatalogTestApp;
  let stock: StockService;

  beforeAll(async () => {
    catalog = await startCatalogApp({ seed: true });
    stock = catalog.app.get(StockService);
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  const level = async (sku: string) => (await stock.levels([sku]))[0];
  const outbox = async (subject: string, sku: string): Promise<number> => {
    const [row] = await catalog.db.sources.primary.query(
      `SELECT count(*)::int AS n FROM outbox WHERE subject = $1 AND envelope->'payload'->>'sku' = $2`,
      [subject, sku],
    );
    return row.n;
  };

  it('reserves exactly the stock there is when hundreds of orders race for one SKU', async () => {
    const k = 37;
    const product = await aProduct().withStock(k).insert(catalog.db.tx);
    const sku = product.variants[0].sku;
    const attempts = 300;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) => stock.reserve(`race-${sku}-${i}`, [{ sku, quantity: 1 }])),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(k);
    expect(results.filter((result) => !result.ok)).toHaveLength(attempts - k);
    expect(await level(sku)).toEqual({ sku, onHand: k, reserved: k, available: 0 });
    const [lines] = await catalog.db.sources.primary.query(`SELECT count(*)::int AS n, sum(quantity)::int AS units FROM stock_reservation_lines WHERE sku = $1`, [sku]);
    expect(lines).toEqual({ n: k, units: k });
    expect(await outbox('catalog.stock.out-of-stock.v1', sku)).toBe(1);
    expect(await outbox('catalog.stock.changed.v1', sku)).toBe(k);
  });

  it('never deadlocks nor oversells when multi-line orders lock SKUs in opposite orders', async () => {
    const product = await aProduct().withStock(25).withVariant('B', 25).insert(catalog.db.tx);
    const [a, b] = product.variants.map((variant) => variant.sku);
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        stock.reserve(`cross-${a}-${i}`, i % 2 ? [{ sku: a, quantity: 1 }, { sku: b, quantity: 1 }] : [{ sku: b, quantity: 1 }, { sku: a, quantity: 1 }]),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(25);
    expect(await level(a)).toMatchObject({ reserved: 25, available: 0 });
    expect(await level(b)).toMatchObject({ reserved: 25, available: 0 });
  });

  it('reserves all lines or none, listing every shortage', async () => {
    const product = await aProduct().withStock(5).withVariant('B', 1).insert(catalog.db.tx);
    const [a, b] = product.variants.map((variant) => variant.sku);
    const result = await stock.reserve(`partial-${a}`, [
      { sku: a, quantity: 2 },
      { sku: b, quantity: 3 },
      { sku: 'NAO-EXISTE-1', quantity: 1 },
    ]);
    expect(result).toEqual({
      ok: false,
      reason: 'INSUFFICIENT_STOCK',
      shortages: [
        { sku: b, requested: 3, available: 1 },
        { sku: 'NAO-EXISTE-1', requested: 1, available: 0 },
      ].sort((x, y) => (x.sku < y.sku ? -1 : 1)),
    });
    expect(await level(a)).toMatchObject({ reserved: 0 });
    const [row] = await catalog.db.sources.primary.query(`SELECT count(*)::int AS n FROM stock_reservations WHERE order_id = $1`, [`partial-${a}`]);
    expect(row.n).toBe(0);
  });

  it('is idempotent per order: the same reserve, commit and release twice have one effect', async () => {
    const product = await aProduct().withStock(10).insert(catalog.db.tx);
    const sku = product.variants[0].sku;
    const order = `idem-${sku}`;

    const [first, second] = await Promise.all([stock.reserve(order, [{ sku, quantity: 3 }]), stock.reserve(order, [{ sku, quantity: 3 }])]);
    expect(first).toEqual({ ok: true, reservationId: order });
    expect(second).toEqual(first);
    expect(await level(sku)).toMatchObject({ onHand: 10, reserved: 3 });

    await Promise.all([stock.commit(order), stock.commit(order)]);
    await stock.commit(order);
    expect(await level(sku)).toEqual({ sku, onHand: 7, reserved: 0, available: 7 });
    await expect(stock.release(order)).rejects.toMatchObject({ code: 'RESERVATION_ALREADY_COMMITTED' });

    const other = `idem-release-${sku}`;
    await stock.reserve(other, [{ sku, quantity: 4 }]);
    await Promise.all([stock.release(other), stock.release(other)]);
    expect(await level(sku)).toEqual({ sku, onHand: 7, reserved: 0, available: 7 });
    await expect(stock.commit(other)).rejects.toMatchObject({ code: 'RESERVATION_ALREADY_RELEASED' });
  });

  it('does not reserve products that are not on sale', async () => {
    const archived = await aProduct().withStock(5).withStatus('ARCHIVED' as never).insert(catalog.db.tx);
    const sku = archived.variants[0].sku;
    expect(await stock.reserve(`archived-${sku}`, [{ sku, quantity: 1 }])).toEqual({
      ok: false,
      reason: 'INSUFFICIENT_STOCK',
      shortages: [{ sku, requested: 1, available: 0 }],
    });
  });

  it('treats releasing an unknown order as done and committing it as not found', async () => {
    await expect(stock.release('never-reserved')).resolves.toBeUndefined();
    await expect(stock.commit('never-reserved')).rejects.toBeInstanceOf(StockError);
  });

  it('rejects malformed requests naming the field', async () => {
    await expect(stock.reserve('', [{ sku: 'A-1', quantity: 1 }])).rejects.toMatchObject({ details: { field: 'orderId' } });
    await expect(stock.reserve('o', [{ sku: 'A-1', quantity: 0 }])).rejects.toMatchObject({ details: { field: 'lines[0].quantity' } });
    await expect(stock.reserve('o', [{ sku: "x'; --", quantity: 1 }])).rejects.toMatchObject({ details: { field: 'lines[0].sku' } });
  });

  describe('over NATS request/reply', () => {
    let nc: NatsConnection;

    beforeAll(async () => {
      nc = await connect({ servers: [natsUrl()] });
    });

    afterAll(async () => {
      await nc?.close();
    });

    const request = async (operation: string, body: unknown, subject = `catalog.stock.${operation}.v1`) =>
      (await nc.request(`${catalog.natsPrefix}.rpc.${subject}`, JSON.stringify(body), { timeout: 5000 })).json<{
        result?: unknown;
        error?: { code: string };
      }>();

    it('reserves exactly k units for concurrent requests and commits idempotently', async () => {
      const k = 12;
      const product = await aProduct().withStock(k).insert(catalog.db.tx);
      const sku = product.variants[0].sku;
      const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => request('reserve', { orderId: `nats-${sku}-${i}`, lines: [{ sku, quantity: 1 }] })));
      const reserved = replies.filter((reply) => (reply.result as { ok: boolean } | undefined)?.ok);
      expect(reserved).toHaveLength(k);
      expect(replies.filter((reply) => reply.error)).toHaveLength(0);
      expect(await level(sku)).toMatchObject({ reserved: k, available: 0 });

      const winner = (reserved[0].result as { reservationId: string }).reservationId;
      expect(await request('commit', { orderId: winner })).toEqual({ result: { ok: true } });
      expect(await request('commit', { orderId: winner })).toEqual({ result: { ok: true } });
      expect(await level(sku)).toMatchObject({ onHand: k - 1, reserved: k - 1 });
      expect(await request('commit', { orderId: 'nats-unknown' })).toMatchObject({ error: { code: 'RESERVATION_NOT_FOUND' } });
      expect(await request('release', { orderId: 'nats-unknown' })).toEqual({ result: { ok: true } });
    });

    it('prices SKUs on sale for orders, leaving out unknown and archived ones', async () => {
      const onSale = await aProduct().withStock(7).insert(catalog.db.tx);
      const archived = await aProduct().withStock(3).withStatus('ARCHIVED' as never).insert(catalog.db.tx);
      const skus = [onSale.variants[0].sku, archived.variants[0].sku, 'NAO-EXISTE', 'not a sku'];
      const reply = await request('', { skus }, 'catalog.variants.get.v1');
      expect(reply).toEqual({
        result: [
          {
            sku: onSale.variants[0].sku,
            productId: onSale.id,
            name: onSale.name,
            variantName: onSale.variants[0].name,
            kind: 'COFFEE',
            priceCents: onSale.variants[0].priceCents,
            currency: 'BRL',
            available: 7,
          },
        ],
      });
    });
  });
});

import { uniqueSuffix } from '@mestres/testing';
import { CheckoutIdempotency } from '../../src/checkout/checkout-idempotency.service';
import { aCheckout } from '../builders/checkout.builder';
import { aCustomer } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { eventually } from '../support/infrastructure';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CHECKOUT } from '../support/operations';

describe(`Checkout under concurrency (${CheckoutIdempotency.name})`, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let skus: string[];

  beforeAll(async () => {
    catalog = await startCatalog({ natsPrefix });
    orders = await startOrdersApp({ natsPrefix });
    skus = (await catalog.skus('COFFEE', 3)).map((variant) => variant.sku);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
  });

  const addToCart = async (customer: ReturnType<typeof aCustomer>, sku: string, quantity = 1) => {
    const response = await orders.graphql(ADD_TO_CART, { input: { sku, quantity } }, customer);
    expect(response.errors).toBeUndefined();
  };

  it('sells exactly the 10 units in stock to 200 simultaneous buyers and never goes negative', async () => {
    const sku = skus[0];
    await catalog.setStock(sku, 10);
    const customers = Array.from({ length: 200 }, aCustomer);
    for (const customer of customers) await addToCart(customer, sku);

    // Stock can never leave [0, on hand] mid-race: the catalog's CHECK constraint forbids it.
    // What is checked here is the outcome: exactly 10 orders, 190 clear refusals, 0 left.
    const results = await Promise.all(customers.map((customer) => orders.graphql(CHECKOUT, { input: aCheckout().build() }, customer)));

    expect(results.filter((result) => result.errors)).toEqual([]);
    const byType = new Map<string, number>();
    for (const result of results) byType.set(result.data!.checkout.__typename, (byType.get(result.data!.checkout.__typename) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({ Order: 10, InsufficientStock: 190 });
    expect(results.filter((result) => result.data!.checkout.__typename === 'Order').every((result) => result.data!.checkout.status === 'PAID')).toBe(true);
    for (const result of results.filter((r) => r.data!.checkout.__typename === 'InsufficientStock')) {
      expect(result.data!.checkout.shortages).toEqual([{ sku, requested: 1, available: 0 }]);
    }

    await eventually(async () => expect(await catalog.stock(sku)).toEqual({ onHand: 0, reserved: 0 }));
    const [{ paid, orders: created }] = await orders.sql(
      `SELECT count(*) FILTER (WHERE status = 'PAID')::int AS paid, count(*)::int AS orders FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.order_created_at = o.created_at WHERE l.sku = $1`,
      [sku],
    );
    expect({ paid, created }).toEqual({ paid: 10, created: 10 });
    const reservations = await catalog.sql(
      `SELECT r.status, sum(l.quantity)::int AS units FROM stock_reservations r JOIN stock_reservation_lines l ON l.order_id = r.order_id WHERE l.sku = $1 GROUP BY r.status`,
      [sku],
    );
    expect(reservations).toEqual([{ status: 'COMMITTED', units: 10 }]);
  });

  it('creates one order and one charge when the same checkout is retried 20 times at once', async () => {
    const sku = skus[1];
    await catalog.setStock(sku, 100);
    const customer = aCustomer();
    await addToCart(customer, sku, 2);
    const input = aCheckout().build();

    const results = await Promise.all(Array.from({ length: 20 }, () => orders.graphql(CHECKOUT, { input }, customer)));

    expect(results.filter((result) => result.errors)).toEqual([]);
    const orderIds = new Set(results.map((result) => result.data!.checkout.id));
    expect(orderIds.size).toBe(1);
    expect(results.every((result) => result.data!.checkout.__typename === 'Order' && result.data!.checkout.status === 'PAID')).toBe(true);
    const [orderId] = orderIds;
    expect(await orders.sql(`SELECT id FROM orders WHERE user_id = $1`, [customer.userId])).toEqual([{ id: orderId }]);
    expect(await orders.sql(`SELECT reference FROM sandbox_payments WHERE reference = $1`, [orderId])).toHaveLength(1);
    expect(await orders.sql(`SELECT 1 FROM outbox WHERE subject = 'orders.order.paid.v1' AND envelope->'payload'->>'orderId' = $1`, [orderId])).toHaveLength(1);
    await eventually(async () => expect(await catalog.stock(sku)).toEqual({ onHand: 98, reserved: 0 }));

    // A later retry replays the same order; the same key with another body is refused.
    const replay = await orders.graphql(CHECKOUT, { input }, customer);
    expect(replay.data!.checkout).toMatchObject({ __typename: 'Order', id: orderId });
    const conflict = await orders.graphql(CHECKOUT, { input: { ...input, paymentToken: '4000000000000002' } }, customer);
    expect(conflict.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps idempotency keys per customer: the same key from two customers makes two orders', async () => {
    const sku = skus[2];
    await catalog.setStock(sku, 10);
    const [first, second] = [aCustomer(), aCustomer()];
    await addToCart(first, sku);
    await addToCart(second, sku);
    const input = aCheckout().build();
    const [a, b] = await Promise.all([orders.graphql(CHECKOUT, { input }, first), orders.graphql(CHECKOUT, { input }, second)]);
    expect(a.data!.checkout.id).not.toBe(b.data!.checkout.id);
    await eventually(async () => expect(await catalog.stock(sku)).toEqual({ onHand: 8, reserved: 0 }));
  });
});

import { CheckoutService } from '../../src/checkout/checkout.service';
import { aCheckout } from '../builders/checkout.builder';
import { aCustomer } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { eventually } from '../support/infrastructure';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CARDS, CART, CHECKOUT } from '../support/operations';
import { uniqueSuffix } from '@mestres/testing';

describe(CheckoutService.name, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let coffee: { sku: string; priceCents: number };
  let grinder: { sku: string; priceCents: number };

  beforeAll(async () => {
    catalog = await startCatalog({ natsPrefix });
    orders = await startOrdersApp({ natsPrefix, env: { SHIPPING_FLAT_CENTS: '2500', FREE_SHIPPING_THRESHOLD_CENTS: '1000000' } });
    [coffee] = await catalog.skus('COFFEE', 1);
    [grinder] = await catalog.skus('EQUIPMENT', 1);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
  });

  const fill = async (customer = aCustomer(), lines: Array<{ sku: string; quantity: number }> = [{ sku: coffee.sku, quantity: 2 }]) => {
    for (const line of lines) {
      const added = await orders.graphql(ADD_TO_CART, { input: line }, customer);
      expect(added.errors).toBeUndefined();
    }
    return customer;
  };

  const checkout = async (customer: ReturnType<typeof aCustomer>, input = aCheckout().build()) => {
    const response = await orders.graphql(CHECKOUT, { input }, customer);
    expect(response.errors).toBeUndefined();
    return response.data!.checkout;
  };

  const outbox = (orderId: string) =>
    orders.sql<Array<{ subject: string }>>(`SELECT subject FROM outbox WHERE envelope->'payload'->>'orderId' = $1 ORDER BY id`, [orderId]);

  it('places and pays an order, commits its stock and empties the cart', async () => {
    await catalog.setStock(coffee.sku, 50);
    const customer = await fill();
    const before = await catalog.stock(coffee.sku);

    const order = await checkout(customer);

    expect(order).toMatchObject({ __typename: 'Order', status: 'PAID', paymentStatus: 'SUCCEEDED', user: { id: customer.userId } });
    expect(order.subtotalCents).toBe(coffee.priceCents * 2);
    expect(order.shippingCents).toBe(2500);
    expect(order.totalCents).toBe(order.subtotalCents + 2500);
    expect(order.capturedCents).toBe(order.totalCents);
    expect(order.lines).toEqual([expect.objectContaining({ sku: coffee.sku, quantity: 2, unitPriceCents: coffee.priceCents, variant: { sku: coffee.sku } })]);
    expect(order.history.map((t: { from: string | null; to: string; actor: string }) => [t.from, t.to, t.actor])).toEqual([
      [null, 'PENDING_PAYMENT', 'CUSTOMER'],
      ['PENDING_PAYMENT', 'PAID', 'PAYMENT_PROVIDER'],
    ]);
    // The stock commit runs after the response: the units were held all along.
    await eventually(async () => {
      expect(await catalog.reservationStatus(order.id)).toBe('COMMITTED');
      expect(await orders.sql(`SELECT stock_state FROM orders WHERE id = $1`, [order.id])).toEqual([{ stock_state: 'COMMITTED' }]);
    });
    expect(await catalog.stock(coffee.sku)).toEqual({ onHand: before.onHand - 2, reserved: before.reserved });
    expect((await outbox(order.id)).map((row) => row.subject)).toEqual(['orders.order.placed.v1', 'orders.order.paid.v1']);
    const cart = await orders.graphql(CART, {}, customer);
    expect(cart.data!.cart).toMatchObject({ itemCount: 0, lines: [] });
  });

  it('charges no shipping for course seats only', async () => {
    const [seat] = await catalog.skus('COURSE_SEAT', 1);
    await catalog.setStock(seat.sku, 10);
    const customer = await fill(aCustomer(), [{ sku: seat.sku, quantity: 1 }]);
    const order = await checkout(customer);
    expect(order).toMatchObject({ __typename: 'Order', status: 'PAID', shippingCents: 0, totalCents: seat.priceCents });
  });

  it('answers CartEmpty for an empty cart', async () => {
    expect(await checkout(aCustomer())).toMatchObject({ __typename: 'CartEmpty', code: 'CART_EMPTY' });
  });

  it('answers PriceChanged when a price moved since the cart was shown, then charges the new price', async () => {
    await catalog.setStock(grinder.sku, 10);
    const customer = await fill(aCustomer(), [{ sku: grinder.sku, quantity: 1 }]);
    const newPrice = grinder.priceCents + 1_000;
    await catalog.setPrice(grinder.sku, newPrice);
    try {
      const changed = await checkout(customer);
      expect(changed).toMatchObject({
        __typename: 'PriceChanged',
        code: 'PRICE_CHANGED',
        changes: [{ sku: grinder.sku, previousUnitPriceCents: grinder.priceCents, unitPriceCents: newPrice }],
      });
      expect(await orders.sql(`SELECT 1 FROM orders WHERE user_id = $1`, [customer.userId])).toHaveLength(0);

      const order = await checkout(customer);
      expect(order).toMatchObject({ __typename: 'Order', status: 'PAID', lines: [expect.objectContaining({ unitPriceCents: newPrice })] });
    } finally {
      await catalog.setPrice(grinder.sku, grinder.priceCents);
    }
  });

  it('answers InsufficientStock with the shortages and reserves nothing', async () => {
    await catalog.setStock(coffee.sku, 3);
    const customer = await fill(aCustomer(), [{ sku: coffee.sku, quantity: 3 }]);
    await catalog.setStock(coffee.sku, 1);
    const result = await checkout(customer);
    expect(result).toMatchObject({ __typename: 'InsufficientStock', code: 'INSUFFICIENT_STOCK', shortages: [{ sku: coffee.sku, requested: 3, available: 1 }] });
    expect(await catalog.stock(coffee.sku)).toEqual({ onHand: 1, reserved: 0 });
    expect(await orders.sql(`SELECT 1 FROM orders WHERE user_id = $1`, [customer.userId])).toHaveLength(0);
  });

  it.each([
    ['declined', CARDS.declined, 'CARD_DECLINED', false, 'DECLINED'],
    ['declined for insufficient funds', CARDS.insufficientFunds, 'INSUFFICIENT_FUNDS', false, 'DECLINED'],
    ['failing at the provider on every retry', CARDS.processingError, 'PROCESSING_ERROR', true, 'FAILED'],
  ])('cancels the order, releases its stock and keeps the cart when the card is %s', async (_name, card, reason, retryable, paymentStatus) => {
    await catalog.setStock(coffee.sku, 20);
    const customer = await fill();
    const before = await catalog.stock(coffee.sku);

    const result = await checkout(customer, aCheckout().withCard(card).build());

    expect(result).toMatchObject({ __typename: 'PaymentDeclined', code: 'PAYMENT_DECLINED', reason, retryable, order: { status: 'CANCELLED', paymentStatus } });
    const orderId = result.order.id;
    await eventually(async () => expect(await catalog.reservationStatus(orderId)).toBe('RELEASED'));
    expect(await catalog.stock(coffee.sku)).toEqual(before);
    expect((await outbox(orderId)).map((row) => row.subject)).toEqual(['orders.order.placed.v1', 'orders.order.cancelled.v1']);
    const [cancelled] = await orders.sql(`SELECT envelope->'payload' AS payload FROM outbox WHERE subject = 'orders.order.cancelled.v1' AND envelope->'payload'->>'orderId' = $1`, [orderId]);
    expect(cancelled.payload).toMatchObject({ previousStatus: 'PENDING_PAYMENT', refundedCents: 0, lines: [expect.objectContaining({ sku: coffee.sku, kind: 'COFFEE', quantity: 2 })] });
    expect((await orders.graphql(CART, {}, customer)).data!.cart.itemCount).toBe(2);
  });

  it('rejects a malformed idempotency key naming the field', async () => {
    const response = await orders.graphql(CHECKOUT, { input: aCheckout().withKey('short').build() }, aCustomer());
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });
});

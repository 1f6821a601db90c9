import { uniqueSuffix } from '@mestres/testing';
import { OrderLifecycle } from '../../src/orders/order-lifecycle.service';
import { aCheckout } from '../builders/checkout.builder';
import { aCustomer, anAdmin } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CARDS, CHECKOUT, MY_ORDERS, ORDER, ORDER_FIELDS } from '../support/operations';

const MARK_FULFILLING = `mutation($orderId: ID!) { markOrderFulfilling(orderId: $orderId) { ${ORDER_FIELDS} } }`;
const MARK_SHIPPED = `mutation($orderId: ID!, $code: String!) { markOrderShipped(orderId: $orderId, trackingCode: $code) { ${ORDER_FIELDS} } }`;
const MARK_DELIVERED = `mutation($orderId: ID!) { markOrderDelivered(orderId: $orderId) { ${ORDER_FIELDS} } }`;
const CANCEL = `mutation($orderId: ID!, $reason: String!) { cancelOrder(orderId: $orderId, reason: $reason) { ${ORDER_FIELDS} } }`;
const REFUND = `mutation($orderId: ID!, $amount: Int, $reason: String!) { refundOrder(orderId: $orderId, amountCents: $amount, reason: $reason) { ${ORDER_FIELDS} } }`;
const ADMIN_ORDERS = `query($filter: OrdersFilterInput, $first: Int) { orders(filter: $filter, first: $first) { totalCount edges { node { id status user { id } } } } }`;
const USER_ORDERS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id orders(first: 10) { totalCount edges { node { id } } } } } }`;

describe(OrderLifecycle.name, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  const admin = anAdmin();
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let sku: string;

  beforeAll(async () => {
    catalog = await startCatalog({ natsPrefix });
    orders = await startOrdersApp({ natsPrefix });
    [{ sku }] = await catalog.skus('COFFEE', 1);
    await catalog.setStock(sku, 500);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
  });

  const placeOrder = async (customer = aCustomer(), card: string = CARDS.success) => {
    await orders.graphql(ADD_TO_CART, { input: { sku, quantity: 1 } }, customer);
    const response = await orders.graphql(CHECKOUT, { input: aCheckout().withCard(card).build() }, customer);
    const result = response.data!.checkout;
    return { customer, order: result.__typename === 'Order' ? result : result.order };
  };

  const adminCall = async (query: string, variables: Record<string, unknown>) => orders.graphql(query, variables, admin);

  const eventsOf = async (orderId: string) =>
    orders.sql<Array<{ subject: string; payload: Record<string, any> }>>(
      `SELECT subject, envelope->'payload' AS payload FROM outbox WHERE envelope->'payload'->>'orderId' = $1 ORDER BY id`,
      [orderId],
    );

  it('walks an order through fulfilment, recording who did what and announcing shipping', async () => {
    const { order } = await placeOrder();
    await adminCall(MARK_FULFILLING, { orderId: order.id });
    const shipped = await adminCall(MARK_SHIPPED, { orderId: order.id, code: 'BR123456789' });
    expect(shipped.data!.markOrderShipped).toMatchObject({ status: 'SHIPPED', trackingCode: 'BR123456789' });
    const delivered = await adminCall(MARK_DELIVERED, { orderId: order.id });
    const history = delivered.data!.markOrderDelivered.history;
    expect(history.map((t: { from: string | null; to: string }) => `${t.from}->${t.to}`)).toEqual([
      'null->PENDING_PAYMENT',
      'PENDING_PAYMENT->PAID',
      'PAID->FULFILLING',
      'FULFILLING->SHIPPED',
      'SHIPPED->DELIVERED',
    ]);
    expect(history.slice(2).every((t: { actor: string; actorId: string }) => t.actor === 'ADMIN' && t.actorId === admin.userId)).toBe(true);
    const events = await eventsOf(order.id);
    expect(events.map((event) => event.subject)).toEqual([
      'orders.order.placed.v1',
      'orders.order.paid.v1',
      'orders.order.shipped.v1',
      'orders.order.delivered.v1',
    ]);
    expect(events[2].payload).toMatchObject({ trackingCode: 'BR123456789', lines: [expect.objectContaining({ sku, quantity: 1 })] });
  });

  it('hides who made each transition from the customer', async () => {
    const { customer, order } = await placeOrder();
    await adminCall(MARK_FULFILLING, { orderId: order.id });
    const seen = await orders.graphql(ORDER, { id: order.id }, customer);
    expect(seen.data!.order.history.every((t: { actorId: string | null }) => t.actorId === null)).toBe(true);
  });

  it.each([
    ['ship a cancelled order', 'cancelled', MARK_SHIPPED, { code: 'BR000000001' }, 'An order cannot go from CANCELLED to SHIPPED'],
    ['deliver an order that was not shipped', 'paid', MARK_DELIVERED, {}, 'An order cannot go from PAID to DELIVERED'],
    ['mark a delivered order as fulfilling', 'delivered', MARK_FULFILLING, {}, 'An order cannot go from DELIVERED to FULFILLING'],
    ['cancel a shipped order', 'shipped', CANCEL, { reason: 'cliente desistiu' }, 'An order cannot go from SHIPPED to CANCELLED'],
    ['refund an unpaid (cancelled) order', 'cancelled', REFUND, { reason: 'estorno' }, 'An order in CANCELLED cannot be refunded'],
    ['ship a refunded order', 'refunded', MARK_SHIPPED, { code: 'BR000000002' }, 'An order cannot go from REFUNDED to SHIPPED'],
  ])('refuses to %s with a clear error', async (_name, state, mutation, variables, message) => {
    const { order } = await placeOrder(aCustomer(), state === 'cancelled' ? CARDS.declined : CARDS.success);
    if (state === 'delivered' || state === 'shipped') await adminCall(MARK_SHIPPED, { orderId: order.id, code: 'BR999999999' });
    if (state === 'delivered') await adminCall(MARK_DELIVERED, { orderId: order.id });
    if (state === 'refunded') await adminCall(REFUND, { orderId: order.id, reason: 'devolução total' });
    const [{ status: before }] = await orders.sql(`SELECT status FROM orders WHERE id = $1`, [order.id]);

    const response = await adminCall(mutation, { orderId: order.id, ...variables });

    expect(response.errors?.[0].message).toContain(message);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const [{ status: after }] = await orders.sql(`SELECT status FROM orders WHERE id = $1`, [order.id]);
    expect(after).toBe(before);
  });

  it('refunds partially, then fully, never beyond what was captured', async () => {
    const { order } = await placeOrder();
    const partial = await adminCall(REFUND, { orderId: order.id, amount: 500, reason: 'embalagem danificada' });
    expect(partial.data!.refundOrder).toMatchObject({ status: 'PAID', refundedCents: 500 });
    const tooMuch = await adminCall(REFUND, { orderId: order.id, amount: order.totalCents, reason: 'teste' });
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountCents', refundableCents: order.totalCents - 500 });
    const rest = await adminCall(REFUND, { orderId: order.id, reason: 'devolução do restante' });
    expect(rest.data!.refundOrder).toMatchObject({ status: 'REFUNDED', refundedCents: order.totalCents, capturedCents: order.totalCents });
    const nothing = await adminCall(REFUND, { orderId: order.id, amount: 1, reason: 'de novo' });
    expect(nothing.errors?.[0].extensions?.code).toBe('CONFLICT');

    const refunds = (await eventsOf(order.id)).filter((event) => event.subject === 'orders.order.refunded.v1').map((event) => event.payload);
    expect(refunds).toEqual([
      expect.objectContaining({ amountCents: 500, refundedTotalCents: 500, fullyRefunded: false }),
      expect.objectContaining({ amountCents: order.totalCents - 500, refundedTotalCents: order.totalCents, fullyRefunded: true }),
    ]);
    const [{ refunded }] = await orders.sql(`SELECT refunded_cents::int AS refunded FROM sandbox_payments WHERE reference = $1`, [order.id]);
    expect(refunded).toBe(order.totalCents);
  });

  it('cancels a paid order by refunding it in full', async () => {
    const { order } = await placeOrder();
    const response = await adminCall(CANCEL, { orderId: order.id, reason: 'pedido duplicado' });
    expect(response.data!.cancelOrder).toMatchObject({ status: 'CANCELLED', refundedCents: order.totalCents });
    const cancelled = (await eventsOf(order.id)).find((event) => event.subject === 'orders.order.cancelled.v1')!;
    expect(cancelled.payload).toMatchObject({ cause: 'ADMIN', reason: 'pedido duplicado', previousStatus: 'PAID', refundedCents: order.totalCents });
  });

  it('cancels an unpaid order by voiding its payment and releasing its stock', async () => {
    const { order } = await placeOrder(aCustomer(), CARDS.requiresConfirmation);
    const response = await adminCall(CANCEL, { orderId: order.id, reason: 'cliente pediu para cancelar' });
    expect(response.data!.cancelOrder).toMatchObject({ status: 'CANCELLED', paymentStatus: 'CANCELLED', refundedCents: 0 });
    expect(await catalog.reservationStatus(order.id)).toBe('RELEASED');
  });

  it('answers NOT_FOUND for an order of someone else, exactly as for an unknown id', async () => {
    const { order } = await placeOrder();
    const stranger = await orders.graphql(ORDER, { id: order.id }, aCustomer());
    const unknown = await orders.graphql(ORDER, { id: '019ad0c4-0000-7000-8000-000000000000' }, aCustomer());
    expect(stranger.errors?.[0]).toMatchObject({ message: 'Order not found', extensions: { code: 'NOT_FOUND' } });
    expect(unknown.errors?.[0]).toMatchObject({ message: stranger.errors![0].message, extensions: stranger.errors![0].extensions });
    expect((await adminCall(ORDER, { id: order.id })).data!.order.id).toBe(order.id);
  });

  it('pages a customer\'s orders newest first, filtered by status, and the admin list by customer', async () => {
    const customer = aCustomer();
    const placed = [];
    for (let i = 0; i < 3; i += 1) placed.push((await placeOrder(customer)).order.id);
    placed.push((await placeOrder(customer, CARDS.declined)).order.id);

    const first = await orders.graphql(MY_ORDERS, { first: 2 }, customer);
    expect(first.data!.myOrders).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await orders.graphql(MY_ORDERS, { first: 2, after: first.data!.myOrders.pageInfo.endCursor }, customer);
    const ids = [...first.data!.myOrders.edges, ...second.data!.myOrders.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual([...placed].reverse());
    const cancelled = await orders.graphql(MY_ORDERS, { status: 'CANCELLED' }, customer);
    expect(cancelled.data!.myOrders.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([placed[3]]);

    const adminList = await adminCall(ADMIN_ORDERS, { filter: { userId: customer.userId, status: 'PAID' } });
    expect(adminList.data!.orders.totalCount).toBe(3);
    const entity = await orders.graphql(USER_ORDERS, { reps: [{ __typename: 'User', id: customer.userId }] }, customer);
    expect(entity.data!._entities[0].orders.totalCount).toBe(4);
    const badCursor = await orders.graphql(MY_ORDERS, { after: 'not-a-cursor' }, customer);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

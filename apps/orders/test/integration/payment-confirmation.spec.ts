import { uniqueSuffix } from '@mestres/testing';
import { PaymentWebhooks } from '../../src/payments/payment-webhooks.service';
import { SandboxPaymentProvider } from '../../src/payments/sandbox-payment-provider';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../src/payments/webhook-signature';
import { aCheckout } from '../builders/checkout.builder';
import { aCustomer } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { eventually } from '../support/infrastructure';
import { deleteRedisKeys, deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CARDS, CART, CHECKOUT, ORDER } from '../support/operations';

describe(`Asynchronous payment confirmation (${PaymentWebhooks.name}) and payment deadline`, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let sku: string;

  beforeAll(async () => {
    catalog = await startCatalog({ natsPrefix });
    orders = await startOrdersApp({ natsPrefix });
    [{ sku }] = await catalog.skus('COFFEE', 1);
    await catalog.setStock(sku, 100);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
  });

  /** Checks out with the card that needs the customer's confirmation. */
  const pendingOrder = async (app: OrdersTestApp) => {
    const customer = aCustomer();
    await app.graphql(ADD_TO_CART, { input: { sku, quantity: 1 } }, customer);
    const response = await app.graphql(CHECKOUT, { input: aCheckout().withCard(CARDS.requiresConfirmation).build() }, customer);
    const order = response.data!.checkout;
    const [{ paymentId }] = await app.sql(`SELECT payment_id AS "paymentId" FROM orders WHERE id = $1`, [order.id]);
    return { customer, order, paymentId: paymentId as string };
  };

  const subjects = async (app: OrdersTestApp, orderId: string) =>
    (await app.sql<Array<{ subject: string }>>(`SELECT subject FROM outbox WHERE envelope->'payload'->>'orderId' = $1 ORDER BY id`, [orderId])).map(
      (row) => row.subject,
    );

  it('keeps the order PENDING_PAYMENT with its stock reserved until the bank confirms, then pays it once', async () => {
    const { customer, order, paymentId } = await pendingOrder(orders);
    expect(order).toMatchObject({ __typename: 'Order', status: 'PENDING_PAYMENT', paymentStatus: 'REQUIRES_CONFIRMATION' });
    expect(order.paymentExpiresAt).not.toBeNull();
    expect(await catalog.reservationStatus(order.id)).toBe('RESERVED');
    expect((await orders.graphql(CART, {}, customer)).data!.cart.itemCount).toBe(0);

    const delivery = (await orders.app.get(SandboxPaymentProvider).confirm(paymentId, 'succeed'))!;
    const first = await orders.post('/webhooks/payments', delivery.body, delivery.headers);
    expect(first).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(first.body)).toEqual({ received: true, result: 'processed' });

    const paid = await orders.graphql(ORDER, { id: order.id }, customer);
    expect(paid.data!.order).toMatchObject({ status: 'PAID', paymentStatus: 'SUCCEEDED', capturedCents: order.totalCents });
    expect(paid.data!.order.history.at(-1)).toMatchObject({ from: 'PENDING_PAYMENT', to: 'PAID', actor: 'PAYMENT_PROVIDER' });
    await eventually(async () => expect(await catalog.reservationStatus(order.id)).toBe('COMMITTED'));

    // The provider redelivers the same event: nothing happens twice.
    const again = await orders.post('/webhooks/payments', delivery.body, delivery.headers);
    expect(JSON.parse(again.body)).toEqual({ received: true, result: 'duplicate' });
    expect(await subjects(orders, order.id)).toEqual(['orders.order.placed.v1', 'orders.order.paid.v1']);
  });

  it('cancels the order and releases its stock when the bank refuses the confirmation', async () => {
    const { order, paymentId } = await pendingOrder(orders);
    const delivery = (await orders.app.get(SandboxPaymentProvider).confirm(paymentId, 'fail'))!;
    expect((await orders.post('/webhooks/payments', delivery.body, delivery.headers)).statusCode).toBe(200);
    const [row] = await orders.sql(`SELECT status, payment_status FROM orders WHERE id = $1`, [order.id]);
    expect(row).toEqual({ status: 'CANCELLED', payment_status: 'DECLINED' });
    await eventually(async () => expect(await catalog.reservationStatus(order.id)).toBe('RELEASED'));
    expect(await subjects(orders, order.id)).toEqual(['orders.order.placed.v1', 'orders.order.cancelled.v1']);
  });

  it('refuses webhooks that are unsigned, signed with another secret, tampered with or stale', async () => {
    const { order, paymentId } = await pendingOrder(orders);
    const recorded = async () => (await orders.sql(`SELECT 1 FROM payment_webhook_events`)).length;
    const recordedBefore = await recorded();
    const sandbox = orders.app.get(SandboxPaymentProvider);
    const payment = { id: paymentId, idempotencyKey: '', reference: order.id, amountCents: order.totalCents, refundedCents: 0, status: 'SUCCEEDED' as const, declineCode: null };
    const genuine = sandbox.webhookFor(payment);
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      { body: genuine.body, headers: { 'content-type': 'application/json' } },
      { body: genuine.body, headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(genuine.body, 'someone-elses-secret-0123456789abc', now) } },
      { body: genuine.body.replace(String(order.totalCents), '1'), headers: genuine.headers },
      sandbox.webhookFor(payment, 'evt_stale', new Date(Date.now() - 3_600_000)),
    ];
    for (const attempt of attempts) {
      const response = await orders.post('/webhooks/payments', attempt.body, attempt.headers);
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toMatch(/signature|tolerance|secret/i);
    }
    const [row] = await orders.sql(`SELECT status FROM orders WHERE id = $1`, [order.id]);
    expect(row.status).toBe('PENDING_PAYMENT');
    expect(await recorded()).toBe(recordedBefore);
  });

  it('cancels an unpaid order at its deadline and releases its stock, even across a restart that lost its queue', async () => {
    const expiring = await startOrdersApp({ natsPrefix, env: { ORDER_PAYMENT_TTL_SECONDS: '4' } });
    try {
      const before = await catalog.stock(sku);
      const { order, paymentId } = await pendingOrder(expiring);
      expect(await catalog.stock(sku)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
      // Even if Redis lost the delayed job (a failover, a flush), the restarted service's boot
      // sweep re-schedules the deadline from the database.
      await deleteRedisKeys(expiring.config.REDIS_PREFIX);
      await expiring.restart();

      await eventually(async () => {
        const [row] = await expiring.sql(`SELECT status, payment_status FROM orders WHERE id = $1`, [order.id]);
        expect(row).toEqual({ status: 'CANCELLED', payment_status: 'CANCELLED' });
      }, 30_000);
      await eventually(async () => expect(await catalog.reservationStatus(order.id)).toBe('RELEASED'));
      expect(await catalog.stock(sku)).toEqual(before);
      const [cancelled] = await expiring.sql(`SELECT envelope->'payload' AS payload FROM outbox WHERE subject = 'orders.order.cancelled.v1' AND envelope->'payload'->>'orderId' = $1`, [
        order.id,
      ]);
      expect(cancelled.payload).toMatchObject({ cause: 'PAYMENT_EXPIRED', reason: 'payment not received in time' });
      // The payment was voided at the provider: a confirmation arriving now cannot take money.
      expect(await expiring.app.get(SandboxPaymentProvider).confirm(paymentId, 'succeed')).toBeNull();
    } finally {
      await expiring.close();
    }
  });
});

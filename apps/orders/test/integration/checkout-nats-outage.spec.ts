import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startNatsServer, uniqueSuffix, type TestNatsServer } from '@mestres/testing';
import { CheckoutService } from '../../src/checkout/checkout.service';
import { PAYMENT_PROVIDER, type ChargeRequest, type PaymentProvider } from '../../src/payments/payment-provider';
import { SandboxPaymentProvider } from '../../src/payments/sandbox-payment-provider';
import { aCheckout } from '../builders/checkout.builder';
import { aCustomer } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { eventually } from '../support/infrastructure';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CHECKOUT } from '../support/operations';


describe(`${CheckoutService.name} when NATS goes down`, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let nats: TestNatsServer;
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let faults: { beforeCharge?: () => Promise<void> };
  let sku: string;

  beforeAll(async () => {
    nats = await startNatsServer();
    faults = {};
    catalog = await startCatalog({ natsPrefix, natsServers: [nats.url] });
    orders = await startOrdersApp({
      natsPrefix,
      natsServers: [nats.url],
      env: { CATALOG_RPC_TIMEOUT_MS: '1500' },
      override: (builder) =>
        builder.overrideProvider(PAYMENT_PROVIDER).useFactory({
          inject: [SandboxPaymentProvider],
          factory: (sandbox: SandboxPaymentProvider): PaymentProvider => ({
            name: sandbox.name,
            charge: async (request: ChargeRequest) => {
              await faults.beforeCharge?.();
              return sandbox.charge(request);
            },
            void: (key) => sandbox.void(key),
            refund: (request) => sandbox.refund(request),
            parseWebhook: (body, headers) => sandbox.parseWebhook(body, headers),
          }),
        }),
    });
    [{ sku }] = await catalog.skus('COFFEE', 1);
    await catalog.setStock(sku, 50);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await nats?.dispose();
  });

  /** Every event of the order in the ORDERS_EVENTS stream, as stored. */
  const streamedEvents = async (orderId: string) => {
    const nc = await connect({ servers: [nats.url] });
    try {
      const jsm = await jetstreamManager(nc);
      const stream = `${natsPrefix}_ORDERS_EVENTS`;
      const { state } = await jsm.streams.info(stream);
      const found: Array<{ subject: string; eventId: string }> = [];
      for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
        const message = await jsm.streams.getMessage(stream, { seq });
        const envelope = message!.json<{ eventId: string; subject: string; payload: { orderId?: string } }>();
        if (envelope.payload.orderId === orderId) found.push({ subject: envelope.subject, eventId: envelope.eventId });
      }
      return found;
    } finally {
      await nc.close();
    }
  };

  it('completes an order whose payment ran while NATS was down, then delivers its events and commits its stock once NATS is back', async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku, quantity: 2 } }, customer);
    const before = await catalog.stock(sku);
    faults.beforeCharge = async () => {
      faults.beforeCharge = undefined;
      await nats.stop();
    };

    let order: { id: string };
    try {
      const response = await orders.graphql(CHECKOUT, { input: aCheckout().build() }, customer);

      expect(response.errors).toBeUndefined();
      order = response.data!.checkout;
      expect(order).toMatchObject({ __typename: 'Order', status: 'PAID' });
      // OrderPlaced left before the outage; OrderPaid was written during it and waits in the outbox.
      const pending = await orders.sql(`SELECT subject FROM outbox WHERE envelope->'payload'->>'orderId' = $1 AND published_at IS NULL`, [order.id]);
      expect(pending.map((row) => row.subject)).toContain('orders.order.paid.v1');
      expect(await catalog.reservationStatus(order.id)).toBe('RESERVED');
    } finally {
      await nats.start();
    }

    await eventually(async () => {
      const events = await streamedEvents(order.id);
      expect(events.map((event) => event.subject)).toEqual(['orders.order.placed.v1', 'orders.order.paid.v1']);
      expect(new Set(events.map((event) => event.eventId)).size).toBe(2);
    }, 60_000);
    await eventually(async () => expect(await catalog.reservationStatus(order.id)).toBe('COMMITTED'), 60_000);
    expect(await catalog.stock(sku)).toEqual({ onHand: before.onHand - 2, reserved: before.reserved });
    const [{ stockState }] = await orders.sql(`SELECT stock_state AS "stockState" FROM orders WHERE id = $1`, [order.id]);
    expect(stockState).toBe('COMMITTED');
  });

  it('fails cleanly while NATS is down (nothing reserved, created or charged), and the same key succeeds once it is back', async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku, quantity: 1 } }, customer);
    const input = aCheckout().build();
    const before = await catalog.stock(sku);
    await nats.stop();
    let failed;
    try {
      failed = await orders.graphql(CHECKOUT, { input }, customer);
    } finally {
      await nats.start();
    }

    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'CHECKOUT_UNAVAILABLE' });
    expect(await orders.sql(`SELECT 1 FROM orders WHERE user_id = $1`, [customer.userId])).toHaveLength(0);
    expect(await orders.sql(`SELECT 1 FROM checkout_requests WHERE user_id = $1`, [customer.userId])).toHaveLength(0);
    expect(await orders.sql(`SELECT 1 FROM sandbox_payments s JOIN orders o ON o.id::text = s.reference WHERE o.user_id = $1`, [customer.userId])).toHaveLength(0);

    await eventually(async () => {
      const retried = await orders.graphql(CHECKOUT, { input }, customer);
      expect(retried.data?.checkout).toMatchObject({ __typename: 'Order', status: 'PAID' });
    }, 60_000);
    expect(await orders.sql(`SELECT 1 FROM orders WHERE user_id = $1`, [customer.userId])).toHaveLength(1);
    await eventually(async () => expect(await catalog.stock(sku)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved }), 60_000);
  });
});

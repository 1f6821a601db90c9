import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@mestres/database';
import { shippingFor, type ShippingRule } from '../cart/cart-pricing';
import { OrderStatus, PaymentStatus, TransitionActor } from '../orders/order-status.enum';
import { OrdersRepository, type OrderPatch } from '../orders/orders.repository';
import { newOrderKey } from '../shared/order-id';
import { DEMO_ORDERS } from './demo-orders';

export interface SeedOrdersSummary {
  created: number;
  skipped: number;
  partitionsCreated: string[];
}

const PATCHES: Partial<Record<OrderStatus, (now: Date) => OrderPatch>> = {
  [OrderStatus.SHIPPED]: (now) => ({ shippedAt: now }),
  [OrderStatus.DELIVERED]: (now) => ({ deliveredAt: now }),
};

/**
 * Ensures the order partitions, then loads the demo customer's orders. Idempotent: each demo
 * order is recorded under a stable checkout idempotency key and skipped when it exists. Demo
 * orders are history, not purchases: no event is published and no catalog stock is touched
 * (they are recorded as committed already).
 */
export async function seedOrders(tx: TransactionHost, options: { customerId: string; shipping: ShippingRule; monthsAhead: number }): Promise<SeedOrdersSummary> {
  const orders = new OrdersRepository(tx);
  const partitions: Array<{ name: string }> = await tx.manager.query(`SELECT ensure_order_partitions($1) AS name`, [options.monthsAhead]);
  const summary: SeedOrdersSummary = { created: 0, skipped: 0, partitionsCreated: partitions.map((row) => row.name) };
  for (const demo of DEMO_ORDERS) {
    await tx.transaction(async () => {
      const key = newOrderKey(new Date());
      const claimed: unknown[] = await tx.manager.query(
        `INSERT INTO checkout_requests (user_id, idempotency_key, request_hash, order_id, status, result, lease_token, locked_until, completed_at)
         VALUES ($1, $2, 'seed', $3, 'COMPLETED', $4, $5, now(), now()) ON CONFLICT DO NOTHING RETURNING order_id`,
        [options.customerId, demo.key, key.id, JSON.stringify({ type: 'Order', orderId: key.id }), randomUUID()],
      );
      if (claimed.length === 0) {
        summary.skipped += 1;
        return;
      }
      const subtotalCents = demo.lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
      const shippingCents = shippingFor(subtotalCents, demo.lines.some((line) => line.kind !== 'COURSE_SEAT'), options.shipping);
      const totalCents = subtotalCents + shippingCents;
      await orders.insert({
        key,
        userId: options.customerId,
        subtotalCents,
        shippingCents,
        totalCents,
        paymentExpiresAt: key.createdAt,
        paymentProvider: 'sandbox',
        lines: demo.lines.map(({ priceCents, ...line }) => ({ ...line, unitPriceCents: priceCents })),
      });
      const paymentId = `pay_seed_${key.id.replace(/-/g, '')}`;
      await tx.manager.query(
        `INSERT INTO sandbox_payments (id, idempotency_key, reference, amount_cents, status, card_last4) VALUES ($1, $2, $3, $4, 'SUCCEEDED', '4242')`,
        [paymentId, `order-${key.id}`, key.id, totalCents],
      );
      const now = new Date();
      await orders.recordTransition({ key, from: null, to: OrderStatus.PENDING_PAYMENT, actorType: TransitionActor.CUSTOMER, actorId: options.customerId, reason: 'checkout' });
      let from = OrderStatus.PENDING_PAYMENT;
      for (const to of demo.path) {
        const patch: OrderPatch =
          to === OrderStatus.PAID
            ? { paymentStatus: PaymentStatus.SUCCEEDED, paymentId, capturedCents: totalCents, paidAt: now }
            : { ...(PATCHES[to]?.(now) ?? {}), ...(to === OrderStatus.SHIPPED ? { trackingCode: demo.trackingCode } : {}) };
        await orders.changeStatus(key, from, to, patch);
        await orders.recordTransition({ key, from, to, actorType: to === OrderStatus.PAID ? TransitionActor.PAYMENT_PROVIDER : TransitionActor.ADMIN, actorId: null, reason: 'demo data' });
        from = to;
      }
      await orders.setStockState(key, 'RESERVED', 'COMMITTED');
      summary.created += 1;
    });
  }
  return summary;
}

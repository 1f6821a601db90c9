import { randomUUID } from 'node:crypto';
import type { OrderCancelledV1, OrderLineSnapshot, OrderPaidV1, OrderPlacedV1, OrderRefundedV1, OrderShippedV1 } from '@mestres/contracts';

/** `anOrder().forUser(userId).at('2026-03-14T15:00:00Z').paid()` */
export function anOrder() {
  const line: OrderLineSnapshot = {
    sku: 'CAFE-BOURBON-250-GRAO',
    productId: randomUUID(),
    kind: 'COFFEE',
    name: 'Bourbon Amarelo',
    variantName: '250 g · Grão',
    quantity: 2,
    unitPriceCents: 4990,
    lineTotalCents: 9980,
  };
  const facts: Omit<OrderPlacedV1, 'paymentExpiresAt'> = {
    orderId: randomUUID(),
    userId: randomUUID(),
    lines: [line],
    subtotalCents: 9980,
    shippingCents: 1500,
    totalCents: 11480,
    currency: 'BRL',
    placedAt: new Date().toISOString(),
  };
  const later = (minutes: number) => new Date(Date.parse(facts.placedAt) + minutes * 60_000).toISOString();
  const builder = {
    forUser(userId: string) {
      facts.userId = userId;
      return builder;
    },
    /** When the order was placed; later milestones follow within the hour. */
    at(placedAt: string) {
      facts.placedAt = placedAt;
      return builder;
    },
    get orderId() {
      return facts.orderId;
    },
    placed: (): OrderPlacedV1 => ({ ...facts, paymentExpiresAt: later(30) }),
    paid: (): OrderPaidV1 => ({ ...facts, paidAt: later(5), capturedCents: facts.totalCents }),
    shipped: (trackingCode = 'BR123456789BR'): OrderShippedV1 => ({ ...facts, trackingCode, shippedAt: later(60) }),
    cancelled: (refundedCents = 0): OrderCancelledV1 => ({
      ...facts,
      previousStatus: refundedCents > 0 ? 'PAID' : 'PENDING_PAYMENT',
      reason: 'pagamento não recebido no prazo',
      cause: 'PAYMENT_EXPIRED',
      refundedCents,
      cancelledAt: later(31),
    }),
    refunded: (amountCents: number, fullyRefunded = false): OrderRefundedV1 => ({
      ...facts,
      refundId: randomUUID(),
      amountCents,
      refundedTotalCents: amountCents,
      capturedCents: facts.totalCents,
      fullyRefunded,
      reason: 'produto danificado',
      refundedAt: later(45),
    }),
  };
  return builder;
}

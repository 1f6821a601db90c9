import { randomUUID } from 'node:crypto';
import type { OrderCancelledV1, OrderLineSnapshot, OrderPaidV1, OrderRefundedV1 } from '@mestres/contracts';
import { uuidv7 } from '@mestres/messaging';

/** `anOrderPaid().by(userId).withSeats('CUR-X', 2).build()`: an orders.order.paid.v1 payload. */
export function anOrderPaid() {
  const order = { orderId: uuidv7(), userId: randomUUID() as string, lines: [] as OrderLineSnapshot[] };
  const line = (sku: string, quantity: number, kind: OrderLineSnapshot['kind']): OrderLineSnapshot => ({
    sku,
    productId: randomUUID(),
    kind,
    name: kind === 'COURSE_SEAT' ? 'Curso de Teste' : 'Café de Teste',
    variantName: kind === 'COURSE_SEAT' ? 'Turma de teste' : '250 g · Grão',
    quantity,
    unitPriceCents: 10_000,
    lineTotalCents: 10_000 * quantity,
  });
  const builder = {
    by(userId: string) {
      order.userId = userId;
      return builder;
    },
    withId(orderId: string) {
      order.orderId = orderId;
      return builder;
    },
    withSeats(sku: string, quantity = 1) {
      order.lines.push(line(sku, quantity, 'COURSE_SEAT'));
      return builder;
    },
    withCoffee(sku = 'CAF-TESTE-250-GRAO', quantity = 1) {
      order.lines.push(line(sku, quantity, 'COFFEE'));
      return builder;
    },
    build(): OrderPaidV1 {
      const subtotal = order.lines.reduce((sum, item) => sum + item.lineTotalCents, 0);
      return {
        orderId: order.orderId,
        userId: order.userId,
        lines: order.lines,
        subtotalCents: subtotal,
        shippingCents: 0,
        totalCents: subtotal,
        currency: 'BRL',
        placedAt: new Date().toISOString(),
        paidAt: new Date().toISOString(),
        capturedCents: subtotal,
      };
    },
  };
  return builder;
}

/** The orders.order.cancelled.v1 payload of a paid order cancelled by an admin. */
export function cancelled(paid: OrderPaidV1): OrderCancelledV1 {
  const { paidAt: _paidAt, capturedCents, ...facts } = paid;
  return { ...facts, previousStatus: 'PAID', reason: 'cancelado pelo admin', cause: 'ADMIN', refundedCents: capturedCents, cancelledAt: new Date().toISOString() };
}

/** The orders.order.refunded.v1 payload of a refund of `amountCents` (default: everything). */
export function refunded(paid: OrderPaidV1, amountCents = paid.capturedCents): OrderRefundedV1 {
  const { paidAt: _paidAt, capturedCents, ...facts } = paid;
  return {
    ...facts,
    refundId: randomUUID(),
    amountCents,
    refundedTotalCents: amountCents,
    capturedCents,
    fullyRefunded: amountCents === capturedCents,
    reason: 'desistência',
    refundedAt: new Date().toISOString(),
  };
}

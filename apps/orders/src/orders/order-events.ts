import type { OrderCancelledV1, OrderLineSnapshot } from '@mestres/contracts';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';

/** The facts every order event carries, from the order and its lines. */
export function orderFacts(order: OrderEntity, lines: readonly OrderLineEntity[]) {
  return {
    orderId: order.id,
    userId: order.userId,
    lines: lines.map(
      (line): OrderLineSnapshot => ({
        sku: line.sku,
        productId: line.productId,
        kind: line.kind,
        name: line.name,
        variantName: line.variantName,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.lineTotalCents,
      }),
    ),
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    currency: order.currency,
    placedAt: order.createdAt.toISOString(),
  };
}

export type CancellationCause = OrderCancelledV1['cause'];

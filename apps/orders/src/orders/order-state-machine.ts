import { OrderStatus } from './order-status.enum';
import { OrdersError, OrdersErrorCode } from './orders.errors';

const { PENDING_PAYMENT, PAID, FULFILLING, SHIPPED, DELIVERED, CANCELLED, REFUNDED } = OrderStatus;

/**
 * THE allowed status transitions of an order; nothing else may change an order's status.
 *
 * - Payment: PENDING_PAYMENT ends PAID or CANCELLED (declined, failed, expired, or by an admin).
 * - Fulfilment: PAID -> FULFILLING -> SHIPPED -> DELIVERED; FULFILLING may be skipped.
 * - Cancelling after payment (PAID, FULFILLING) refunds what was captured; once shipped, only a
 *   refund undoes an order. A full refund ends in REFUNDED (partial refunds keep the status).
 * - CANCELLED and REFUNDED are final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [PENDING_PAYMENT]: [PAID, CANCELLED],
  [PAID]: [FULFILLING, SHIPPED, CANCELLED, REFUNDED],
  [FULFILLING]: [SHIPPED, CANCELLED, REFUNDED],
  [SHIPPED]: [DELIVERED, REFUNDED],
  [DELIVERED]: [REFUNDED],
  [CANCELLED]: [],
  [REFUNDED]: [],
};

/** Statuses in which money was captured and may be refunded. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = [PAID, FULFILLING, SHIPPED, DELIVERED];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws INVALID_TRANSITION, naming what is allowed from `from`. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  const allowed = ORDER_TRANSITIONS[from];
  throw new OrdersError(
    OrdersErrorCode.INVALID_TRANSITION,
    `An order cannot go from ${from} to ${to}; from ${from} it can only go to ${allowed.length ? allowed.join(', ') : 'nothing (final status)'}.`,
    { from, to },
  );
}

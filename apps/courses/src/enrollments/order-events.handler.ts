import { Injectable } from '@nestjs/common';
import type { OrderCancelledV1, OrderPaidV1, OrderRefundedV1 } from '@mestres/contracts';
import { OnEvent } from '@mestres/messaging';
import { SeatAllocator } from './seat-allocator.service';

/**
 * Enrollment follows the orders context. One durable consumer for the three subjects, so an
 * order's events are handled in the order they happened; the inbox makes each run once.
 */
export const ENROLLMENT_CONSUMER = 'courses-enrollments';

@Injectable()
export class OrderEventsHandler {
  constructor(private readonly seats: SeatAllocator) {}

  @OnEvent('orders.order.paid.v1', { consumer: ENROLLMENT_CONSUMER })
  async onOrderPaid(order: OrderPaidV1): Promise<void> {
    await this.seats.enrollPaidOrder(order);
  }

  @OnEvent('orders.order.cancelled.v1', { consumer: ENROLLMENT_CONSUMER })
  async onOrderCancelled(order: OrderCancelledV1): Promise<void> {
    await this.seats.cancelOrder(order.orderId, 'ORDER_CANCELLED');
  }

  /** A partial refund (a discount, shipping) keeps the seats; only a full refund gives them back. */
  @OnEvent('orders.order.refunded.v1', { consumer: ENROLLMENT_CONSUMER })
  async onOrderRefunded(refund: OrderRefundedV1): Promise<void> {
    if (refund.fullyRefunded) await this.seats.cancelOrder(refund.orderId, 'ORDER_REFUNDED');
  }
}

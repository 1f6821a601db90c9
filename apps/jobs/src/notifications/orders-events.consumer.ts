import { Injectable } from '@nestjs/common';
import type {
  CartUpdatedV1,
  EventEnvelope,
  OrderCancelledV1,
  OrderPaidV1,
  OrderPlacedV1,
  OrderRefundedV1,
  OrderShippedV1,
} from '@mestres/contracts';
import { OnEvent } from '@mestres/messaging';
import { OrderNotificationsService } from './order-notifications.service';

const consumer = 'jobs-orders';

/**
 * One durable consumer for the orders stream, so an order's events and a cart's updates are
 * handled in the order they happened. Each event is handled once (inbox).
 */
@Injectable()
export class OrdersEventsConsumer {
  constructor(private readonly notifications: OrderNotificationsService) {}

  @OnEvent('orders.order.placed.v1', { consumer })
  onPlaced(order: OrderPlacedV1, envelope: EventEnvelope<'orders.order.placed.v1'>) {
    return this.notifications.onPlaced(order, envelope);
  }

  @OnEvent('orders.order.paid.v1', { consumer })
  onPaid(order: OrderPaidV1, envelope: EventEnvelope<'orders.order.paid.v1'>) {
    return this.notifications.onPaid(order, envelope);
  }

  @OnEvent('orders.order.shipped.v1', { consumer })
  onShipped(order: OrderShippedV1, envelope: EventEnvelope<'orders.order.shipped.v1'>) {
    return this.notifications.onShipped(order, envelope);
  }

  @OnEvent('orders.order.cancelled.v1', { consumer })
  onCancelled(order: OrderCancelledV1, envelope: EventEnvelope<'orders.order.cancelled.v1'>) {
    return this.notifications.onCancelled(order, envelope);
  }

  @OnEvent('orders.order.refunded.v1', { consumer })
  onRefunded(refund: OrderRefundedV1, envelope: EventEnvelope<'orders.order.refunded.v1'>) {
    return this.notifications.onRefunded(refund, envelope);
  }

  @OnEvent('orders.cart.updated.v1', { consumer })
  onCartUpdated(cart: CartUpdatedV1) {
    return this.notifications.onCartUpdated(cart);
  }
}

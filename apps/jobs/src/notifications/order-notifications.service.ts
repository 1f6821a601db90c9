import { Inject, Injectable } from '@nestjs/common';
import type { CartUpdatedV1, OrderCancelledV1, OrderLineSnapshot, OrderPaidV1, OrderPlacedV1, OrderRefundedV1, OrderShippedV1 } from '@mestres/contracts';
import { jobIdFor } from '../queues/job-catalog';
import { JobName } from '../queues/job-name.enum';
import type { OrderEmailPayload } from '../queues/job-payloads';
import { JobQueues } from '../queues/job-queues';
import { Clock } from '../shared/clock';
import { CartActivityRepository } from './cart-activity.repository';
import type { EventMeta } from './enrollment-notifications.service';
import { OrderActivityRepository } from './order-activity.repository';

export interface CartReminderSettings {
  /** A cart untouched this long gets a reminder. */
  delayMs: number;
}

export const CART_REMINDER_SETTINGS = Symbol('CART_REMINDER_SETTINGS');

/** The short reference customers see: `#` and the first 8 characters of the order id, upper-cased. */
export function orderNumber(orderId: string): string {
  return `#${orderId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function lineName(line: OrderLineSnapshot): string {
  return `${line.name} (${line.variantName})`;
}

function toOrderEmail(order: OrderPlacedV1 | OrderPaidV1): OrderEmailPayload {
  return {
    userId: order.userId,
    orderId: order.orderId,
    orderNumber: orderNumber(order.orderId),
    totalCents: order.totalCents,
    currency: order.currency,
    lines: order.lines.map((line) => ({ name: lineName(line), quantity: line.quantity, unitPriceCents: line.unitPriceCents })),
  };
}

/**
 * Turns order and cart events into jobs: one e-mail per event (job id from the event id),
 * one delayed abandoned-cart reminder per cart (job id from the cart id, pushed back on
 * every change), and the order projection the nightly report reads.
 */
@Injectable()
export class OrderNotificationsService {
  constructor(
    private readonly queues: JobQueues,
    private readonly orders: OrderActivityRepository,
    private readonly carts: CartActivityRepository,
    private readonly clock: Clock,
    @Inject(CART_REMINDER_SETTINGS) private readonly settings: CartReminderSettings,
  ) {}

  async onPlaced(order: OrderPlacedV1, event: EventMeta): Promise<void> {
    await this.orders.recordMilestone(order, 'placed', order.placedAt);
    await this.queues.add(
      JobName.ORDER_CONFIRMATION_EMAIL,
      { ...toOrderEmail(order), paymentExpiresAt: order.paymentExpiresAt },
      { jobId: jobIdFor(JobName.ORDER_CONFIRMATION_EMAIL, event.eventId) },
    );
  }

  async onPaid(order: OrderPaidV1, event: EventMeta): Promise<void> {
    await this.orders.recordMilestone(order, 'paid', order.paidAt);
    await this.queues.add(
      JobName.PAYMENT_RECEIPT_EMAIL,
      { ...toOrderEmail(order), paidAt: order.paidAt },
      { jobId: jobIdFor(JobName.PAYMENT_RECEIPT_EMAIL, event.eventId) },
    );
  }

  async onShipped(order: OrderShippedV1, event: EventMeta): Promise<void> {
    await this.orders.recordMilestone(order, 'shipped', order.shippedAt);
    await this.queues.add(
      JobName.SHIPPING_EMAIL,
      { userId: order.userId, orderId: order.orderId, orderNumber: orderNumber(order.orderId), trackingCode: order.trackingCode },
      { jobId: jobIdFor(JobName.SHIPPING_EMAIL, event.eventId) },
    );
  }

  async onCancelled(order: OrderCancelledV1, event: EventMeta): Promise<void> {
    await this.orders.recordMilestone(order, 'cancelled', order.cancelledAt);
    await this.queues.add(
      JobName.ORDER_CANCELLED_EMAIL,
      {
        userId: order.userId,
        orderId: order.orderId,
        orderNumber: orderNumber(order.orderId),
        reason: order.reason,
        refundedCents: order.refundedCents,
        currency: order.currency,
      },
      { jobId: jobIdFor(JobName.ORDER_CANCELLED_EMAIL, event.eventId) },
    );
  }

  async onRefunded(refund: OrderRefundedV1, event: EventMeta): Promise<void> {
    await this.orders.recordRefund({
      refundId: refund.refundId,
      orderId: refund.orderId,
      currency: refund.currency,
      amountCents: refund.amountCents,
      refundedAt: refund.refundedAt,
    });
    await this.queues.add(
      JobName.REFUND_EMAIL,
      {
        userId: refund.userId,
        orderId: refund.orderId,
        orderNumber: orderNumber(refund.orderId),
        amountCents: refund.amountCents,
        fullyRefunded: refund.fullyRefunded,
        currency: refund.currency,
      },
      { jobId: jobIdFor(JobName.REFUND_EMAIL, event.eventId) },
    );
  }

  /**
   * Every change restarts the cart's reminder clock: the pending reminder is replaced by one
   * due `delay` after this change. An emptied (or checked-out) cart gets none.
   */
  async onCartUpdated(cart: CartUpdatedV1): Promise<void> {
    await this.carts.record(cart);
    const jobId = jobIdFor(JobName.ABANDONED_CART_EMAIL, cart.cartId);
    await this.queues.remove(JobName.ABANDONED_CART_EMAIL, jobId);
    if (cart.itemCount === 0) return;
    const dueAt = new Date(cart.lastActivityAt).getTime() + this.settings.delayMs;
    await this.queues.add(
      JobName.ABANDONED_CART_EMAIL,
      { userId: cart.userId, cartId: cart.cartId, cartUpdatedAt: cart.lastActivityAt },
      { jobId, delayMs: Math.max(0, dueAt - this.clock.now().getTime()) },
    );
  }
}

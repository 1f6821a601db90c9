import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@mestres/auth';
import { Clock } from '../shared/clock';
import { orderKeyOf, type OrderKey } from '../shared/order-id';
import { PaymentCharger } from '../payments/payment-charger';
import { PaymentRejectedError, PaymentTransientError } from '../payments/payment-provider';
import { OrderLifecycle, type Actor } from './order-lifecycle.service';
import { OrderPayments } from './order-payments.service';
import { assertTransition, REFUNDABLE_STATUSES } from './order-state-machine';
import type { OrderEntity } from './order.entity';
import { OrderStatus, PaymentStatus, TransitionActor } from './order-status.enum';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrdersRepository } from './orders.repository';
import { StockSettlement } from './stock-settlement.service';

const TRACKING_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/;

/** Admin operations on orders: fulfilment steps, cancellation and refunds. */
@Injectable()
export class OrderAdminService {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly lifecycle: OrderLifecycle,
    private readonly payments: OrderPayments,
    private readonly charger: PaymentCharger,
    private readonly settlement: StockSettlement,
    private readonly clock: Clock,
  ) {}

  async markFulfilling(admin: CallerIdentity, orderId: string): Promise<OrderEntity> {
    const order = await this.load(orderId);
    return this.lifecycle.transition(order, OrderStatus.FULFILLING, { actor: actorOf(admin), reason: 'preparing the order' });
  }

  async markShipped(admin: CallerIdentity, orderId: string, trackingCode: string): Promise<OrderEntity> {
    const code = trackingCode?.trim() ?? '';
    if (!TRACKING_CODE.test(code)) {
      throw new OrdersError(OrdersErrorCode.INVALID_TRACKING_CODE, 'trackingCode: 4 to 64 letters, digits or dashes', { field: 'trackingCode' });
    }
    const order = await this.load(orderId);
    return this.lifecycle.transition(order, OrderStatus.SHIPPED, {
      actor: actorOf(admin),
      reason: `shipped with tracking code ${code}`,
      patch: { trackingCode: code, shippedAt: this.clock.now() },
    });
  }

  async markDelivered(admin: CallerIdentity, orderId: string): Promise<OrderEntity> {
    const order = await this.load(orderId);
    return this.lifecycle.transition(order, OrderStatus.DELIVERED, { actor: actorOf(admin), reason: 'delivered', patch: { deliveredAt: this.clock.now() } });
  }

  /**
   * Cancels an unpaid or paid (not yet shipped) order. An unpaid order's payment is voided at the
   * provider first, so it can never succeed later; a paid order is refunded in full. Reserved
   * stock is released; stock already committed (shipped off the shelf) is not restocked.
   */
  async cancel(admin: CallerIdentity, orderId: string, reason: string): Promise<OrderEntity> {
    const why = assertReason(reason);
    let order = await this.load(orderId);
    assertTransition(order.status, OrderStatus.CANCELLED);
    const actor = actorOf(admin);
    if (order.status === OrderStatus.PENDING_PAYMENT) {
      const voided = await this.provider(() => this.charger.void(order.id));
      if (voided.status === 'VOIDED') {
        const cancelled = await this.lifecycle.transition(order, OrderStatus.CANCELLED, {
          actor,
          reason: why,
          patch: { paymentStatus: PaymentStatus.CANCELLED, cancelledAt: this.clock.now() },
          cancellation: { cause: 'ADMIN', refundedCents: 0 },
        });
        await this.settlement.settleOrSchedule(order);
        return cancelled;
      }
      order = await this.payments.paid(order, voided, { type: TransitionActor.PAYMENT_PROVIDER, id: null }, 'payment captured before the cancellation');
      assertTransition(order.status, OrderStatus.CANCELLED);
    }
    const remaining = order.capturedCents - order.refundedCents;
    const refund = remaining > 0 ? await this.refundAtProvider(order, remaining, `cancel-${order.id}`) : null;
    const cancelled = await this.lifecycleCancelPaid(order, actor, why, refund, remaining);
    await this.settlement.settleOrSchedule(order);
    return cancelled;
  }

  /** Refunds `amountCents` (default: everything not refunded yet), never more than was captured. */
  async refund(admin: CallerIdentity, orderId: string, amountCents: number | null | undefined, reason: string): Promise<OrderEntity> {
    const why = assertReason(reason);
    const order = await this.load(orderId);
    if (!REFUNDABLE_STATUSES.includes(order.status)) {
      throw new OrdersError(OrdersErrorCode.INVALID_TRANSITION, `An order in ${order.status} cannot be refunded; only ${REFUNDABLE_STATUSES.join(', ')} orders can.`, {
        from: order.status,
        to: OrderStatus.REFUNDED,
      });
    }
    const remaining = order.capturedCents - order.refundedCents;
    if (remaining <= 0) throw new OrdersError(OrdersErrorCode.NOTHING_TO_REFUND, 'Everything captured was refunded already.');
    const amount = amountCents ?? remaining;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > remaining) {
      throw new OrdersError(OrdersErrorCode.INVALID_REFUND_AMOUNT, `amountCents: must be a whole number from 1 to ${remaining}`, {
        field: 'amountCents',
        refundableCents: remaining,
      });
    }
    const refundId = randomUUID();
    const providerRefundId = await this.refundAtProvider(order, amount, `refund-${refundId}`);
    return this.lifecycle.recordRefund(order, { id: refundId, providerRefundId, amountCents: amount, reason: why }, actorOf(admin));
  }

  private async lifecycleCancelPaid(order: OrderEntity, actor: Actor, reason: string, providerRefundId: string | null, amount: number): Promise<OrderEntity> {
    return this.lifecycle.transitionWithRefund(
      order,
      providerRefundId ? { id: randomUUID(), providerRefundId, amountCents: amount, reason } : null,
      {
        actor,
        reason,
        patch: { cancelledAt: this.clock.now() },
        cancellation: { cause: 'ADMIN', refundedCents: providerRefundId ? amount : 0 },
      },
    );
  }

  private async refundAtProvider(order: OrderEntity, amountCents: number, idempotencyKey: string): Promise<string> {
    if (!order.paymentId) throw new OrdersError(OrdersErrorCode.NOTHING_TO_REFUND, 'The order has no captured payment.');
    try {
      return (await this.provider(() => this.charger.refund({ idempotencyKey, paymentId: order.paymentId!, amountCents }))).refundId;
    } catch (error) {
      if (error instanceof PaymentRejectedError) {
        throw new OrdersError(OrdersErrorCode.INVALID_REFUND_AMOUNT, 'amountCents: the payment provider refused the refund', { field: 'amountCents' });
      }
      throw error;
    }
  }

  private async provider<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PaymentTransientError) {
        throw new OrdersError(OrdersErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'The payment provider is unavailable; nothing was changed. Try again.');
      }
      throw error;
    }
  }

  private async load(orderId: string): Promise<OrderEntity> {
    const key: OrderKey | null = orderKeyOf(orderId);
    const order = key ? await this.orders.find(key) : null;
    if (!order) throw new OrdersError(OrdersErrorCode.ORDER_NOT_FOUND, 'Order not found', { field: 'orderId' });
    return order;
  }
}

const actorOf = (admin: CallerIdentity): Actor => ({ type: TransitionActor.ADMIN, id: admin.userId });

function assertReason(reason: string): string {
  const trimmed = reason?.trim() ?? '';
  // eslint-disable-next-line no-control-regex
  if (trimmed.length < 3 || trimmed.length > 500 || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) {
    throw new OrdersError(OrdersErrorCode.INVALID_REASON, 'reason: 3 to 500 printable characters', { field: 'reason' });
  }
  return trimmed;
}


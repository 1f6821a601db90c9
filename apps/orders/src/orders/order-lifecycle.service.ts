import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import type { OrderKey } from '../shared/order-id';
import { orderFacts, type CancellationCause } from './order-events';
import { assertTransition } from './order-state-machine';
import type { OrderEntity } from './order.entity';
import { OrderStatus, type TransitionActor } from './order-status.enum';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrdersRepository, type NewOrder, type OrderPatch } from './orders.repository';

export interface Actor {
  type: TransitionActor;
  /** The user who acted (customer or admin); null for the system and the payment provider. */
  id: string | null;
}

export interface TransitionChange {
  actor: Actor;
  reason: string;
  patch?: OrderPatch;
  /** Required when moving to CANCELLED. */
  cancellation?: { cause: CancellationCause; refundedCents: number };
}

/**
 * The only code that creates orders and changes their status. Each change runs in one
 * transaction: the order row is locked, the transition checked against ORDER_TRANSITIONS, the
 * status written, the transition recorded (who, when, why) and the event put in the outbox, so a
 * status change and its announcement are never apart.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orders: OrdersRepository,
    private readonly events: EventPublisher,
  ) {}

  /** Creates an order in PENDING_PAYMENT and announces OrderPlaced; joins an open transaction. */
  async place(order: NewOrder, actor: Actor): Promise<OrderEntity> {
    return this.tx.transaction(async () => {
      const placed = await this.orders.insert(order);
      await this.orders.recordTransition({
        key: order.key,
        from: null,
        to: OrderStatus.PENDING_PAYMENT,
        actorType: actor.type,
        actorId: actor.id,
        reason: 'checkout',
      });
      const lines = order.lines.map((line, index) => ({
        ...line,
        orderId: order.key.id,
        orderCreatedAt: order.key.createdAt,
        lineNo: index + 1,
        lineTotalCents: line.unitPriceCents * line.quantity,
      }));
      await this.events.publish('orders.order.placed.v1', {
        ...orderFacts(placed, lines),
        paymentExpiresAt: placed.paymentExpiresAt.toISOString(),
      });
      return placed;
    });
  }

  /** Moves an order to `to`, or throws INVALID_TRANSITION / ORDER_NOT_FOUND; joins an open transaction. */
  async transition(key: OrderKey, to: OrderStatus, change: TransitionChange): Promise<OrderEntity> {
    return this.tx.transaction(async () => {
      const current = await this.orders.find(key, { lock: true });
      if (!current) throw new OrdersError(OrdersErrorCode.ORDER_NOT_FOUND, 'Order not found');
      assertTransition(current.status, to);
      const updated = await this.orders.changeStatus(key, current.status, to, change.patch);
      // Impossible while we hold the row lock; the conditional update is the backstop.
      if (!updated) throw new OrdersError(OrdersErrorCode.CONCURRENT_UPDATE, 'The order changed meanwhile; try again.');
      await this.orders.recordTransition({
        key,
        from: current.status,
        to,
        actorType: change.actor.type,
        actorId: change.actor.id,
        reason: change.reason,
      });
      await this.announce(updated, current.status, change);
      return updated;
    });
  }

  /**
   * Records a refund the provider made: adds it to refunded_cents (never beyond captured), keeps a
   * refund row, moves the order to REFUNDED once everything captured was refunded, and announces
   * OrderRefunded. `announce: false` is for a cancellation, whose OrderCancelled carries the refund.
   */
  async recordRefund(
    key: OrderKey,
    refund: { id: string; providerRefundId: string; amountCents: number; reason: string },
    actor: Actor,
    options: { announce: boolean } = { announce: true },
  ): Promise<OrderEntity> {
    return this.tx.transaction(async () => {
      const current = await this.orders.find(key, { lock: true });
      if (!current) throw new OrdersError(OrdersErrorCode.ORDER_NOT_FOUND, 'Order not found');
      const refundedTotal = current.refundedCents + refund.amountCents;
      if (refund.amountCents <= 0 || refundedTotal > current.capturedCents) {
        throw new OrdersError(OrdersErrorCode.INVALID_REFUND_AMOUNT, `amountCents: at most ${current.capturedCents - current.refundedCents} can be refunded`, {
          field: 'amountCents',
        });
      }
      let updated = (await this.orders.patch(key, { refundedCents: refundedTotal }))!;
      await this.orders.insertRefund({ ...refund, key, actorId: actor.id });
      if (!options.announce) return updated;
      const fullyRefunded = refundedTotal === current.capturedCents;
      if (fullyRefunded) updated = await this.transition(key, OrderStatus.REFUNDED, { actor, reason: refund.reason });
      await this.events.publish('orders.order.refunded.v1', {
        ...orderFacts(updated, await this.orders.linesForUpdate(key)),
        refundId: refund.id,
        amountCents: refund.amountCents,
        refundedTotalCents: refundedTotal,
        capturedCents: current.capturedCents,
        fullyRefunded,
        reason: refund.reason,
        refundedAt: updated.updatedAt.toISOString(),
      });
      return updated;
    });
  }

  /** Records a refund (without its own announcement) and makes the transition, atomically. */
  async transitionWithRefund(
    key: OrderKey,
    refund: { id: string; providerRefundId: string; amountCents: number; reason: string } | null,
    change: TransitionChange & { actor: Actor },
    to: OrderStatus = OrderStatus.CANCELLED,
  ): Promise<OrderEntity> {
    return this.tx.transaction(async () => {
      if (refund) await this.recordRefund(key, refund, change.actor, { announce: false });
      return this.transition(key, to, change);
    });
  }

  private async announce(order: OrderEntity, previous: OrderStatus, change: TransitionChange): Promise<void> {
    const facts = orderFacts(order, await this.orders.linesForUpdate(order));
    switch (order.status) {
      case OrderStatus.PAID:
        await this.events.publish('orders.order.paid.v1', { ...facts, paidAt: (order.paidAt ?? order.updatedAt).toISOString(), capturedCents: order.capturedCents });
        return;
      case OrderStatus.CANCELLED:
        if (!change.cancellation) throw new Error('a cancellation needs its cause');
        await this.events.publish('orders.order.cancelled.v1', {
          ...facts,
          previousStatus: previous as 'PENDING_PAYMENT' | 'PAID' | 'FULFILLING',
          reason: change.reason,
          cause: change.cancellation.cause,
          refundedCents: change.cancellation.refundedCents,
          cancelledAt: (order.cancelledAt ?? order.updatedAt).toISOString(),
        });
        return;
      case OrderStatus.SHIPPED:
        await this.events.publish('orders.order.shipped.v1', {
          ...facts,
          trackingCode: order.trackingCode!,
          shippedAt: (order.shippedAt ?? order.updatedAt).toISOString(),
        });
        return;
      case OrderStatus.DELIVERED:
        await this.events.publish('orders.order.delivered.v1', { ...facts, deliveredAt: (order.deliveredAt ?? order.updatedAt).toISOString() });
        return;
      // FULFILLING is internal; REFUNDED is announced by the refund itself (OrderRefunded).
      case OrderStatus.FULFILLING:
      case OrderStatus.REFUNDED:
      case OrderStatus.PENDING_PAYMENT:
        return;
    }
  }
}

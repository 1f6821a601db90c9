import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { Clock } from '../shared/clock';
import type { OrderKey } from '../shared/order-id';
import type { Actor } from './order-lifecycle.service';
import { OrderLifecycle } from './order-lifecycle.service';
import type { CancellationCause } from './order-events';
import type { OrderEntity } from './order.entity';
import { OrderStatus, PaymentStatus } from './order-status.enum';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrdersRepository } from './orders.repository';
import { StockSettlement } from './stock-settlement.service';

export interface PaymentFailure {
  cause: Exclude<CancellationCause, 'ADMIN'>;
  paymentStatus: PaymentStatus.DECLINED | PaymentStatus.FAILED | PaymentStatus.CANCELLED;
  paymentId: string | null;
  declineCode: string | null;
  reason: string;
}

/**
 * Applies what the payment provider decided to an order, whoever learnt it first (checkout,
 * webhook, or the expiry job asking the provider): paid orders commit their stock, failed ones
 * are cancelled and release it. Each outcome is idempotent and loses gracefully to a concurrent
 * one: the first decision wins and later ones return the order as it is.
 */
@Injectable()
export class OrderPayments {
  private readonly logger = new Logger(OrderPayments.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrdersRepository,
    private readonly settlement: StockSettlement,
    private readonly clock: Clock,
  ) {}

  async paid(key: OrderKey, payment: { paymentId: string; capturedCents: number }, actor: Actor, reason: string): Promise<OrderEntity> {
    const order = await this.decide(key, () =>
      this.lifecycle.transition(key, OrderStatus.PAID, {
        actor,
        reason,
        patch: {
          paymentStatus: PaymentStatus.SUCCEEDED,
          paymentId: payment.paymentId,
          paymentDeclineCode: null,
          capturedCents: payment.capturedCents,
          paidAt: this.clock.now(),
        },
      }),
    );
    if (order.status === OrderStatus.CANCELLED) {
      this.logger.error(`order ${key.id}: payment ${payment.paymentId} was captured after the order was cancelled; refund it at the provider`);
    }
    await this.settleAfterCommit(key);
    return order;
  }

  /** The bank wants the customer to confirm; the order stays PENDING_PAYMENT until a webhook says. */
  async awaitingConfirmation(key: OrderKey, paymentId: string): Promise<OrderEntity> {
    const order = await this.orders.find(key);
    if (order?.status !== OrderStatus.PENDING_PAYMENT || order.paymentStatus !== PaymentStatus.PENDING) return order!;
    return (await this.orders.patch(key, { paymentStatus: PaymentStatus.REQUIRES_CONFIRMATION, paymentId }))!;
  }

  async failed(key: OrderKey, failure: PaymentFailure, actor: Actor): Promise<OrderEntity> {
    const order = await this.decide(key, () =>
      this.lifecycle.transition(key, OrderStatus.CANCELLED, {
        actor,
        reason: failure.reason,
        patch: {
          paymentStatus: failure.paymentStatus,
          paymentId: failure.paymentId ?? undefined,
          paymentDeclineCode: failure.declineCode,
          cancelledAt: this.clock.now(),
        },
        cancellation: { cause: failure.cause, refundedCents: 0 },
      }),
    );
    await this.settleAfterCommit(key);
    return order;
  }

  /**
   * Commits or releases the stock once the decision is committed, off the caller's path: the
   * units are held either way, so nobody waits for the catalog's bookkeeping. A failure leaves a
   * retried job (or, without Redis, the boot sweep) to finish it.
   */
  private async settleAfterCommit(key: OrderKey): Promise<void> {
    await this.tx.afterCommit(() => {
      void this.settlement.settleOrSchedule(key).catch((error: unknown) => this.logger.warn(`order ${key.id}: stock settlement failed: ${(error as Error).message}`));
    });
  }

  /** Runs the transition; when the order was decided meanwhile, returns it as it is. */
  private async decide(key: OrderKey, transition: () => Promise<OrderEntity>): Promise<OrderEntity> {
    try {
      return await transition();
    } catch (error) {
      if (!(error instanceof OrdersError) || error.code !== OrdersErrorCode.INVALID_TRANSITION) throw error;
      const current = await this.orders.find(key);
      if (!current) throw error;
      return current;
    }
  }
}

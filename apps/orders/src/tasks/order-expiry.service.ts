import { Injectable, Logger } from '@nestjs/common';
import { CheckoutRequestsRepository } from '../checkout/checkout-requests.repository';
import { OrderPayments } from '../orders/order-payments.service';
import { OrderStatus, PaymentStatus, TransitionActor } from '../orders/order-status.enum';
import { OrdersRepository } from '../orders/orders.repository';
import { StockSettlement } from '../orders/stock-settlement.service';
import { PaymentCharger } from '../payments/payment-charger';
import { CatalogClient } from '../shared/catalog-client';
import { Clock } from '../shared/clock';
import { orderKeyOf } from '../shared/order-id';

/** `done`, or run again at `retryAt` (deadline not reached, or a checkout still owns the id). */
export type ExpiryResult = { done: true } | { retryAt: Date };

const RECHECK_MS = 30_000;

/**
 * Runs at an order's payment deadline (a delayed job scheduled before its stock was reserved).
 * Idempotent, and safe against every race with the checkout and the payment webhook:
 *
 * - no order with this id: the checkout failed or crashed between reserving stock and creating
 *   the order; once no live checkout owns the id, whatever the catalog holds for it is released;
 * - still unpaid: the payment is voided at the provider first, so it can never succeed later;
 *   if it had succeeded meanwhile the order becomes PAID, otherwise CANCELLED and its stock is
 *   released;
 * - anything else: only a stock settlement that may still be owed.
 */
@Injectable()
export class OrderExpiry {
  private readonly logger = new Logger(OrderExpiry.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly checkouts: CheckoutRequestsRepository,
    private readonly catalog: CatalogClient,
    private readonly charger: PaymentCharger,
    private readonly payments: OrderPayments,
    private readonly settlement: StockSettlement,
    private readonly clock: Clock,
  ) {}

  async expire(orderId: string): Promise<ExpiryResult> {
    const key = orderKeyOf(orderId);
    if (!key) return { done: true };
    const order = await this.orders.find(key);
    const now = this.clock.now();
    if (!order) {
      if (await this.checkouts.ownsLiveCheckout(orderId)) return { retryAt: new Date(now.getTime() + RECHECK_MS) };
      await this.catalog.release(orderId);
      return { done: true };
    }
    if (order.status !== OrderStatus.PENDING_PAYMENT) {
      await this.settlement.settle(key);
      return { done: true };
    }
    if (now < order.paymentExpiresAt) return { retryAt: order.paymentExpiresAt };
    const voided = await this.charger.void(order.id);
    if (voided.status === 'ALREADY_SUCCEEDED') {
      this.logger.log(`order ${order.id}: paid just before its deadline`);
      await this.payments.paid(key, voided, { type: TransitionActor.PAYMENT_PROVIDER, id: null }, 'payment captured before the deadline');
    } else {
      await this.payments.failed(
        key,
        {
          cause: 'PAYMENT_EXPIRED',
          paymentStatus: PaymentStatus.CANCELLED,
          paymentId: order.paymentId,
          declineCode: null,
          reason: 'payment not received in time',
        },
        { type: TransitionActor.SYSTEM, id: null },
      );
    }
    // settleOrSchedule swallowed an unavailable catalog; here a throw makes BullMQ retry.
    await this.settlement.settle(key);
    return { done: true };
  }
}

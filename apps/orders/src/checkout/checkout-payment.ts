import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { OrderPayments } from '../orders/order-payments.service';
import type { OrderEntity } from '../orders/order.entity';
import { OrderStatus, PaymentStatus, TransitionActor } from '../orders/order-status.enum';
import { OrdersRepository } from '../orders/orders.repository';
import { PaymentCharger } from '../payments/payment-charger';
import { PAYMENT_PROVIDER, PaymentTransientError, type DeclineCode, type PaymentProvider } from '../payments/payment-provider';
import type { OrderKey } from '../shared/order-id';
import { CheckoutCart } from './checkout-cart';
import { PaymentDeclineReason, type CheckoutOutcome } from './checkout-outcome';

const PROVIDER = { type: TransitionActor.PAYMENT_PROVIDER, id: null };

const DECLINE_REASONS: Record<DeclineCode, PaymentDeclineReason> = {
  card_declined: PaymentDeclineReason.CARD_DECLINED,
  insufficient_funds: PaymentDeclineReason.INSUFFICIENT_FUNDS,
  invalid_card: PaymentDeclineReason.INVALID_CARD,
  authentication_failed: PaymentDeclineReason.AUTHENTICATION_FAILED,
};

/** The payment step of checkout, and resuming a checkout whose order already exists. */
@Injectable()
export class CheckoutPayment {
  constructor(
    private readonly tx: TransactionHost,
    private readonly charger: PaymentCharger,
    private readonly payments: OrderPayments,
    private readonly orders: OrdersRepository,
    private readonly cart: CheckoutCart,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  get providerName(): string {
    return this.provider.name;
  }

  findOrder(key: OrderKey): Promise<OrderEntity | null> {
    return this.orders.find(key);
  }

  /** Charges the order and applies the outcome. The charge key is the order's: a retry never charges twice. */
  async pay(order: OrderEntity, paymentToken: string, skus?: readonly string[]): Promise<CheckoutOutcome> {
    const charge = await this.charger.charge(order, paymentToken);
    switch (charge.status) {
      case 'SUCCEEDED':
        return this.placed(order, () => this.payments.paid(order, charge, PROVIDER, 'payment captured'), skus);
      case 'REQUIRES_CONFIRMATION':
        return this.placed(order, () => this.payments.awaitingConfirmation(order, charge.paymentId), skus);
      case 'DECLINED':
        await this.payments.failed(
          order,
          {
            cause: 'PAYMENT_DECLINED',
            paymentStatus: PaymentStatus.DECLINED,
            paymentId: charge.paymentId,
            declineCode: charge.declineCode,
            reason: `payment declined (${charge.declineCode})`,
          },
          PROVIDER,
        );
        return { type: 'PaymentDeclined', orderId: order.id, reason: DECLINE_REASONS[charge.declineCode], retryable: false };
      case 'CANCELLED':
        // Voided meanwhile (the deadline passed during the charge): report what the order is now.
        return this.outcomeOf((await this.orders.find(order))!);
      case 'FAILED':
        return this.failed(order, skus);
    }
  }

  /** A taken-over checkout whose order exists: finish the payment step if it never ran. */
  async resume(order: OrderEntity, paymentToken: string): Promise<CheckoutOutcome> {
    if (order.status === OrderStatus.PENDING_PAYMENT && order.paymentStatus === PaymentStatus.PENDING) return this.pay(order, paymentToken);
    return this.outcomeOf(order);
  }

  private async failed(order: OrderEntity, skus?: readonly string[]): Promise<CheckoutOutcome> {
    let voided;
    try {
      // Make sure the charge cannot succeed later, or learn that it did.
      voided = await this.charger.void(order.id);
    } catch (error) {
      if (!(error instanceof PaymentTransientError)) throw error;
      // The provider is down: the order stays PENDING_PAYMENT and its deadline job decides.
      return { type: 'Order', orderId: order.id };
    }
    if (voided.status === 'ALREADY_SUCCEEDED') return this.placed(order, () => this.payments.paid(order, voided, PROVIDER, 'payment captured'), skus);
    await this.payments.failed(
      order,
      { cause: 'PAYMENT_FAILED', paymentStatus: PaymentStatus.FAILED, paymentId: null, declineCode: null, reason: 'payment provider failed; nothing was charged' },
      PROVIDER,
    );
    return { type: 'PaymentDeclined', orderId: order.id, reason: PaymentDeclineReason.PROCESSING_ERROR, retryable: true };
  }

  /** The order went through (paid, or waiting for the bank): record that and take its lines out of the cart, atomically. */
  private async placed(order: OrderEntity, record: () => Promise<unknown>, skus?: readonly string[]): Promise<CheckoutOutcome> {
    await this.tx.transaction(async () => {
      await record();
      const ordered = skus ?? (await this.orders.linesForUpdate(order)).map((line) => line.sku);
      await this.cart.removeOrdered(order.userId, ordered);
    });
    return { type: 'Order', orderId: order.id };
  }

  private outcomeOf(order: OrderEntity): CheckoutOutcome {
    if (order.status === OrderStatus.CANCELLED && (order.paymentStatus === PaymentStatus.DECLINED || order.paymentStatus === PaymentStatus.FAILED)) {
      const code = order.paymentDeclineCode as DeclineCode | null;
      return {
        type: 'PaymentDeclined',
        orderId: order.id,
        reason: code ? DECLINE_REASONS[code] ?? PaymentDeclineReason.CARD_DECLINED : PaymentDeclineReason.PROCESSING_ERROR,
        retryable: !code,
      };
    }
    return { type: 'Order', orderId: order.id };
  }
}

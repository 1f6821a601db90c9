import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OrdersConfig } from '../config';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import {
  PAYMENT_PROVIDER,
  PaymentTransientError,
  type ChargeResult,
  type PaymentProvider,
  type RefundRequest,
  type VoidResult,
} from './payment-provider';

/** A charge that kept failing transiently: nothing is known to be captured. */
export type ChargeOutcome = ChargeResult | { status: 'FAILED'; reason: string };

class ProviderTimeout extends PaymentTransientError {}

/** The provider key of an order's charge: one per order, so no retry can charge twice. */
export const chargeKeyOf = (orderId: string) => `order-${orderId}`;

/**
 * Calls the payment provider with a timeout per attempt and retries transient failures with
 * exponential backoff and jitter. Safe because every call carries an idempotency key.
 */
@Injectable()
export class PaymentCharger {
  private readonly logger = new Logger(PaymentCharger.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) readonly provider: PaymentProvider,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  async charge(order: { id: string; totalCents: number }, paymentToken: string): Promise<ChargeOutcome> {
    try {
      return await this.withRetries(() =>
        this.provider.charge({
          idempotencyKey: chargeKeyOf(order.id),
          reference: order.id,
          amountCents: order.totalCents,
          currency: 'BRL',
          paymentToken,
        }),
      );
    } catch (error) {
      if (error instanceof PaymentTransientError) return { status: 'FAILED', reason: error.message };
      throw error;
    }
  }

  /** @throws PaymentTransientError when the provider stays unreachable */
  void(orderId: string): Promise<VoidResult> {
    return this.withRetries(() => this.provider.void(chargeKeyOf(orderId)));
  }

  /** @throws PaymentTransientError, PaymentRejectedError */
  refund(request: RefundRequest): Promise<{ refundId: string }> {
    return this.withRetries(() => this.provider.refund(request));
  }

  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.withTimeout(call());
      } catch (error) {
        if (!(error instanceof PaymentTransientError) || attempt >= this.config.PAYMENT_MAX_ATTEMPTS) throw error;
        this.logger.warn(`payment provider attempt ${attempt} failed (${error.message}); retrying`);
        await sleep(backoffMs(attempt));
      }
    }
  }

  private async withTimeout<T>(call: Promise<T>): Promise<T> {
    const timeout = this.config.PAYMENT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        call,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new ProviderTimeout(`no answer within ${timeout} ms`)), timeout);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** 100 ms, 200 ms, 400 ms... capped at 2 s, each with up to 50 % jitter. */
export function backoffMs(attempt: number): number {
  const base = Math.min(2_000, 100 * 2 ** (attempt - 1));
  return Math.round(base * (0.5 + Math.random() * 0.5));
}

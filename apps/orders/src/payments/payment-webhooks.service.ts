import { Inject, Injectable, Logger } from '@nestjs/common';
import { OrderPayments } from '../orders/order-payments.service';
import { PaymentStatus, TransitionActor } from '../orders/order-status.enum';
import { OrdersRepository } from '../orders/orders.repository';
import { orderKeyOf } from '../shared/order-id';
import { PAYMENT_PROVIDER, WebhookRejectedError, type PaymentProvider } from './payment-provider';
import { WebhookEventsRepository } from './webhook-events.repository';

export type WebhookHandling = 'processed' | 'duplicate' | 'ignored';

const PROVIDER = { type: TransitionActor.PAYMENT_PROVIDER, id: null };

/**
 * Applies the provider's asynchronous payment results. Authentic, fresh deliveries only (see
 * the provider's `parseWebhook`); an event id is applied once, and the effects are idempotent
 * anyway, so concurrent redeliveries are harmless. The event id is recorded after the effect:
 * if applying fails, the provider's redelivery tries again.
 */
@Injectable()
export class PaymentWebhooks {
  private readonly logger = new Logger(PaymentWebhooks.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly events: WebhookEventsRepository,
    private readonly orders: OrdersRepository,
    private readonly payments: OrderPayments,
  ) {}

  async handle(rawBody: Buffer | undefined, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<WebhookHandling> {
    if (!rawBody?.length) throw new WebhookRejectedError('empty body');
    const event = this.provider.parseWebhook(rawBody, headers);
    if (await this.events.seen(event.eventId)) return 'duplicate';
    const key = orderKeyOf(event.reference);
    const order = key ? await this.orders.find(key) : null;
    if (!key || !order || (order.paymentId !== null && order.paymentId !== event.paymentId)) {
      this.logger.warn(`webhook ${event.eventId}: no order ${event.reference} with payment ${event.paymentId}; ignored`);
      await this.events.record(event.eventId);
      return 'ignored';
    }
    if (event.type === 'payment.succeeded') {
      await this.payments.paid(key, { paymentId: event.paymentId, capturedCents: event.amountCents }, PROVIDER, 'payment confirmed by the provider');
    } else {
      await this.payments.failed(
        key,
        {
          cause: 'PAYMENT_DECLINED',
          paymentStatus: PaymentStatus.DECLINED,
          paymentId: event.paymentId,
          declineCode: event.declineCode,
          reason: `payment declined (${event.declineCode ?? 'unknown'})`,
        },
        PROVIDER,
      );
    }
    await this.events.record(event.eventId);
    return 'processed';
  }
}

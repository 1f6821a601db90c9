import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { OrdersConfig } from '../config';
import { Clock } from '../shared/clock';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import {
  PaymentRejectedError,
  PaymentTransientError,
  WebhookRejectedError,
  type ChargeRequest,
  type ChargeResult,
  type PaymentProvider,
  type PaymentWebhookEvent,
  type RefundRequest,
  type VoidResult,
} from './payment-provider';
import { sandboxBehaviour } from './sandbox-cards';
import { SandboxLedgerRepository, type SandboxPayment } from './sandbox-ledger.repository';
import { signWebhook, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

const WebhookBody = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  created: z.number().int(),
  data: z.object({
    paymentId: z.string().min(1),
    reference: z.string().min(1),
    amountCents: z.number().int().nonnegative(),
    declineCode: z.enum(['card_declined', 'insufficient_funds', 'invalid_card', 'authentication_failed']).nullable(),
  }),
});

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** A webhook delivery as the provider would POST it. */
export interface WebhookDelivery {
  body: string;
  headers: Record<string, string>;
}

/**
 * A payment provider that behaves like a real one, without the network: charges are idempotent
 * per key and recorded in its own ledger, test cards decide the outcome (see SANDBOX_CARDS),
 * 4000000000003220 waits for a confirmation that arrives as a signed webhook, and refunds never
 * exceed what was captured. SANDBOX_PAYMENT_LATENCY_MS simulates the round trip.
 */
@Injectable()
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';

  constructor(
    private readonly ledger: SandboxLedgerRepository,
    private readonly clock: Clock,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    await this.latency();
    const { behaviour, last4 } = sandboxBehaviour(request.paymentToken);
    if (behaviour.outcome === 'transient-failure') {
      // A key that already has a result (e.g. voided meanwhile) answers it, as a real provider would.
      const existing = await this.ledger.findByKey(request.idempotencyKey);
      if (existing) return toChargeResult(existing);
      throw new PaymentTransientError('sandbox: processing_error (retry)');
    }
    // Insert first: a repeated key keeps the first result, which `insert` returns.
    const payment = await this.ledger.insert({
      id: newId('pay'),
      idempotencyKey: request.idempotencyKey,
      reference: request.reference,
      amountCents: request.amountCents,
      status: behaviour.outcome === 'succeed' ? 'SUCCEEDED' : behaviour.outcome === 'decline' ? 'DECLINED' : 'REQUIRES_CONFIRMATION',
      declineCode: behaviour.outcome === 'decline' ? behaviour.code : null,
      cardLast4: last4,
    });
    return toChargeResult(payment);
  }

  async void(idempotencyKey: string): Promise<VoidResult> {
    await this.latency();
    for (;;) {
      const payment = await this.ledger.findByKey(idempotencyKey);
      if (!payment) {
        // Block a charge that may still be on its way with this key.
        const blocked = await this.ledger.insert({
          id: newId('pay'),
          idempotencyKey,
          reference: idempotencyKey,
          amountCents: 0,
          status: 'CANCELLED',
          declineCode: null,
          cardLast4: '0000',
        });
        if (blocked.status !== 'CANCELLED') continue;
        return { status: 'VOIDED' };
      }
      if (payment.status === 'SUCCEEDED') return { status: 'ALREADY_SUCCEEDED', paymentId: payment.id, capturedCents: payment.amountCents };
      if (payment.status === 'REQUIRES_CONFIRMATION' && !(await this.ledger.changeStatus(payment.id, 'REQUIRES_CONFIRMATION', 'CANCELLED'))) continue;
      return { status: 'VOIDED' };
    }
  }

  async refund(request: RefundRequest): Promise<{ refundId: string }> {
    await this.latency();
    const refund = await this.ledger.refund({ id: newId('re'), ...request });
    if (!refund) throw new PaymentRejectedError(`sandbox: payment ${request.paymentId} cannot be refunded ${request.amountCents} cents`);
    return refund;
  }

  parseWebhook(rawBody: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): PaymentWebhookEvent {
    const header = headers[WEBHOOK_SIGNATURE_HEADER];
    verifyWebhookSignature(
      rawBody,
      Array.isArray(header) ? header[0] : header,
      this.config.PAYMENT_WEBHOOK_SECRET,
      this.config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
      this.clock.now().getTime(),
    );
    let body: z.infer<typeof WebhookBody>;
    try {
      body = WebhookBody.parse(JSON.parse(rawBody.toString('utf8')));
    } catch {
      throw new WebhookRejectedError('unexpected body');
    }
    return { eventId: body.id, type: body.type, ...body.data };
  }

  /**
   * Sandbox only, standing in for the customer's bank: completes a payment waiting for
   * confirmation and returns the signed webhook the provider would send. Null when the payment
   * was not waiting (confirmed, declined or voided already).
   */
  async confirm(paymentId: string, outcome: 'succeed' | 'fail'): Promise<WebhookDelivery | null> {
    const payment =
      outcome === 'succeed'
        ? await this.ledger.changeStatus(paymentId, 'REQUIRES_CONFIRMATION', 'SUCCEEDED')
        : await this.ledger.changeStatus(paymentId, 'REQUIRES_CONFIRMATION', 'DECLINED', 'authentication_failed');
    return payment ? this.webhookFor(payment) : null;
  }

  /** The signed delivery announcing a payment's current outcome (also used to simulate redelivery). */
  webhookFor(payment: SandboxPayment, eventId = newId('evt'), signedAt = this.clock.now()): WebhookDelivery {
    const timestamp = Math.floor(signedAt.getTime() / 1000);
    const body = JSON.stringify({
      id: eventId,
      type: payment.status === 'SUCCEEDED' ? 'payment.succeeded' : 'payment.failed',
      created: timestamp,
      data: { paymentId: payment.id, reference: payment.reference, amountCents: payment.amountCents, declineCode: payment.declineCode },
    });
    return {
      body,
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(body, this.config.PAYMENT_WEBHOOK_SECRET, timestamp) },
    };
  }

  private async latency(): Promise<void> {
    if (this.config.SANDBOX_PAYMENT_LATENCY_MS > 0) await sleep(this.config.SANDBOX_PAYMENT_LATENCY_MS);
  }
}

function toChargeResult(payment: SandboxPayment): ChargeResult {
  switch (payment.status) {
    case 'SUCCEEDED':
      return { status: 'SUCCEEDED', paymentId: payment.id, capturedCents: payment.amountCents };
    case 'DECLINED':
      return { status: 'DECLINED', paymentId: payment.id, declineCode: payment.declineCode ?? 'card_declined' };
    case 'REQUIRES_CONFIRMATION':
      return { status: 'REQUIRES_CONFIRMATION', paymentId: payment.id };
    case 'CANCELLED':
      return { status: 'CANCELLED', paymentId: payment.id };
  }
}

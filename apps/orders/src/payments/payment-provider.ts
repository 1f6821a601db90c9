/**
 * What the orders service needs from a payment provider. Every call that moves money is
 * idempotent on a key the caller chooses, so a retry after a timeout can never charge or refund
 * twice. Adapters for real providers implement this; the sandbox ships for development and tests.
 */
export interface PaymentProvider {
  /** Stored on orders, e.g. `sandbox`. */
  readonly name: string;
  /**
   * Charges (authorises and captures) `amountCents`. Repeating a key returns the first result.
   * @throws PaymentTransientError when the provider failed in a way worth retrying
   */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /**
   * Makes sure the charge with this key never succeeds from now on (cancels a pending
   * confirmation; blocks a charge that has not arrived yet). Tells whether it had succeeded already.
   * @throws PaymentTransientError
   */
  void(idempotencyKey: string): Promise<VoidResult>;
  /** Refunds part or all of a captured payment. @throws PaymentTransientError, PaymentRejectedError */
  refund(request: RefundRequest): Promise<{ refundId: string }>;
  /**
   * Authenticates a webhook delivery (signature over the raw body, timestamp within tolerance)
   * and parses it. @throws WebhookRejectedError
   */
  parseWebhook(rawBody: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): PaymentWebhookEvent;
}

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface ChargeRequest {
  idempotencyKey: string;
  /** Our reference, echoed in webhooks: the order id. */
  reference: string;
  amountCents: number;
  currency: 'BRL';
  /** From the provider's client-side SDK; never stored. */
  paymentToken: string;
}

export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'invalid_card' | 'authentication_failed';

export type ChargeResult =
  | { status: 'SUCCEEDED'; paymentId: string; capturedCents: number }
  | { status: 'DECLINED'; paymentId: string; declineCode: DeclineCode }
  /** The bank asked the customer to confirm; a webhook reports the outcome. */
  | { status: 'REQUIRES_CONFIRMATION'; paymentId: string }
  /** The key was voided before this charge arrived. */
  | { status: 'CANCELLED'; paymentId: string };

export type VoidResult = { status: 'VOIDED' } | { status: 'ALREADY_SUCCEEDED'; paymentId: string; capturedCents: number };

export interface RefundRequest {
  idempotencyKey: string;
  paymentId: string;
  amountCents: number;
}

export interface PaymentWebhookEvent {
  /** Unique per event; a redelivery carries the same id. */
  eventId: string;
  type: 'payment.succeeded' | 'payment.failed';
  paymentId: string;
  reference: string;
  amountCents: number;
  declineCode: DeclineCode | null;
}

/** Timeouts, 5xx, processing errors: nothing happened, or the retry will tell (idempotency). */
export class PaymentTransientError extends Error {
  override readonly name = 'PaymentTransientError';
}

/** The provider refused the request itself (e.g. refunding more than was captured). */
export class PaymentRejectedError extends Error {
  override readonly name = 'PaymentRejectedError';
}

/** A webhook that is not authentic or not fresh. */
export class WebhookRejectedError extends Error {
  override readonly name = 'WebhookRejectedError';
}

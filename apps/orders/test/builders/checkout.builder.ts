import { randomUUID } from 'node:crypto';
import { CARDS } from '../support/operations';

/** Checkout input: a fresh idempotency key and the card that always succeeds, unless told otherwise. */
export function aCheckout() {
  const input = { idempotencyKey: `checkout-${randomUUID()}`, paymentToken: CARDS.success as string };
  const builder = {
    withCard(paymentToken: string) {
      input.paymentToken = paymentToken;
      return builder;
    },
    withKey(idempotencyKey: string) {
      input.idempotencyKey = idempotencyKey;
      return builder;
    },
    build: () => ({ ...input }),
  };
  return builder;
}

import type { DeclineCode } from './payment-provider';

/** What the sandbox does with a card. */
export type SandboxBehaviour =
  | { outcome: 'succeed' }
  | { outcome: 'decline'; code: DeclineCode }
  | { outcome: 'transient-failure' }
  | { outcome: 'requires-confirmation' };

/**
 * The sandbox's test cards (the numbers real providers' test modes use). Anything else is
 * declined as `invalid_card`, as a test mode refuses real card numbers.
 */
export const SANDBOX_CARDS: Readonly<Record<string, SandboxBehaviour>> = {
  '4242424242424242': { outcome: 'succeed' },
  '4000000000000002': { outcome: 'decline', code: 'card_declined' },
  '4000000000009995': { outcome: 'decline', code: 'insufficient_funds' },
  '4000000000000119': { outcome: 'transient-failure' },
  '4000000000003220': { outcome: 'requires-confirmation' },
};

/** The behaviour of a payment token (a test card number; spaces and dashes are ignored). */
export function sandboxBehaviour(paymentToken: string): { behaviour: SandboxBehaviour; last4: string } {
  const digits = paymentToken.replace(/[\s-]/g, '');
  const behaviour = SANDBOX_CARDS[digits] ?? { outcome: 'decline', code: 'invalid_card' };
  return { behaviour, last4: /^\d{4,19}$/.test(digits) ? digits.slice(-4) : '0000' };
}

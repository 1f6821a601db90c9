import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { OrdersConfig } from '../config';
import { Clock } from '../shared/clock';
import { newOrderKey, orderKeyOf, type OrderKey } from '../shared/order-id';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import type { CheckoutOutcome } from './checkout-outcome';
import { CheckoutRequestsRepository } from './checkout-requests.repository';
import { CheckoutError, CheckoutErrorCode } from './checkout.errors';

/** The right to run the checkout of one (user, key); proven by `token`. */
export interface CheckoutLease {
  userId: string;
  key: string;
  token: string;
  orderKey: OrderKey;
  /** A previous holder's lease ran out mid-checkout: resume from what it left. */
  takenOver: boolean;
}

export type Admission = { kind: 'run'; lease: CheckoutLease } | { kind: 'replay'; outcome: CheckoutOutcome };

/** Fingerprint of the request body (everything but the key); the token itself is never stored. */
export function requestHash(body: { paymentToken: string }): string {
  return createHash('sha256').update(JSON.stringify({ paymentToken: body.paymentToken })).digest('hex');
}

/**
 * Idempotency of checkout: the first request with a key inserts a row (primary key (user, key))
 * in its own transaction and runs the checkout; concurrent and later requests with the same key
 * wait for that row to complete and replay its stored outcome. A different body under the same
 * key is refused. A checkout whose process died keeps the key only until its lease runs out;
 * the next retry then takes over and resumes, with the same order id.
 */
@Injectable()
export class CheckoutIdempotency {
  constructor(
    private readonly requests: CheckoutRequestsRepository,
    private readonly clock: Clock,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  async admit(userId: string, key: string, hash: string): Promise<Admission> {
    const leaseSeconds = this.config.CHECKOUT_LEASE_SECONDS;
    const deadline = Date.now() + (leaseSeconds + 5) * 1000;
    for (let attempt = 0; ; attempt += 1) {
      const token = randomUUID();
      const orderKey = newOrderKey(this.clock.now());
      if (await this.requests.claim({ userId, key, requestHash: hash, orderId: orderKey.id, leaseToken: token, leaseSeconds })) {
        return { kind: 'run', lease: { userId, key, token, orderKey, takenOver: false } };
      }
      const existing = await this.requests.find(userId, key);
      if (!existing) continue; // released between our insert and read: claim again
      if (existing.requestHash !== hash) {
        throw new CheckoutError(CheckoutErrorCode.IDEMPOTENCY_KEY_REUSED, 'idempotencyKey: already used for a different checkout; use a new key', {
          field: 'idempotencyKey',
        });
      }
      if (existing.status === 'COMPLETED') return { kind: 'replay', outcome: existing.result! };
      if (existing.leaseExpired) {
        const taken = await this.requests.takeOver(userId, key, token, leaseSeconds);
        if (taken) return { kind: 'run', lease: { userId, key, token, orderKey: orderKeyOf(taken.orderId)!, takenOver: true } };
        continue;
      }
      if (Date.now() > deadline) {
        throw new CheckoutError(CheckoutErrorCode.CHECKOUT_IN_PROGRESS, 'A checkout with this key is still running; retry with the same key.');
      }
      await sleep(Math.min(250, 10 * 2 ** Math.min(attempt, 5)));
    }
  }

  /** Points the lease at a new order id (taken over before the old id got an order). */
  async rekey(lease: CheckoutLease): Promise<CheckoutLease> {
    const orderKey = newOrderKey(this.clock.now());
    if (!(await this.requests.replaceOrderId(lease.userId, lease.key, lease.token, orderKey.id))) throw this.lost();
    return { ...lease, orderKey, takenOver: false };
  }

  async complete(lease: CheckoutLease, outcome: CheckoutOutcome): Promise<void> {
    // Losing the lease here means another request took over and will store the same outcome.
    await this.requests.complete(lease.userId, lease.key, lease.token, outcome);
  }

  /** Frees the key after a failure that left nothing behind. */
  async release(lease: CheckoutLease): Promise<void> {
    await this.requests.release(lease.userId, lease.key, lease.token);
  }

  /** Gives the key up after a failure that left an order behind: the next retry resumes it at once. */
  async abandon(lease: CheckoutLease): Promise<void> {
    await this.requests.expireLease(lease.userId, lease.key, lease.token);
  }

  private lost(): CheckoutError {
    return new CheckoutError(CheckoutErrorCode.CHECKOUT_IN_PROGRESS, 'Another request took this checkout over; retry with the same key.');
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { changedRows } from '../shared/sql';
import type { CheckoutOutcome } from './checkout-outcome';

export interface CheckoutRequestRecord {
  requestHash: string;
  orderId: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  result: CheckoutOutcome | null;
  /** The lease of the checkout running under this key has run out (it crashed or hangs). */
  leaseExpired: boolean;
}

const COLUMNS = `request_hash AS "requestHash", order_id AS "orderId", status, result, locked_until < now() AS "leaseExpired"`;

/**
 * The idempotency keys of checkouts. Each statement runs on its own (autocommit), never inside
 * the saga's transactions: the claim must be visible to concurrent retries at once. Lease times
 * use the database clock, so replicas with skewed clocks agree.
 */
@Injectable()
export class CheckoutRequestsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get db() {
    return this.tx.primary;
  }

  /** True when this call inserted the key (and so runs the checkout). */
  async claim(claim: { userId: string; key: string; requestHash: string; orderId: string; leaseToken: string; leaseSeconds: number }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO checkout_requests (user_id, idempotency_key, request_hash, order_id, status, lease_token, locked_until)
       VALUES ($1, $2, $3, $4, 'IN_PROGRESS', $5, now() + make_interval(secs => $6))
       ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING order_id`,
      [claim.userId, claim.key, claim.requestHash, claim.orderId, claim.leaseToken, claim.leaseSeconds],
    );
    return rows.length === 1;
  }

  async find(userId: string, key: string): Promise<CheckoutRequestRecord | null> {
    const rows: CheckoutRequestRecord[] = await this.db.query(
      `SELECT ${COLUMNS} FROM checkout_requests WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    return rows[0] ?? null;
  }

  /** Takes over a checkout whose lease ran out; null when someone else did, or it finished. */
  async takeOver(userId: string, key: string, leaseToken: string, leaseSeconds: number): Promise<CheckoutRequestRecord | null> {
    const [row] = await changedRows<CheckoutRequestRecord>(
      this.db,
      `UPDATE checkout_requests SET lease_token = $3, locked_until = now() + make_interval(secs => $4)
       WHERE user_id = $1 AND idempotency_key = $2 AND status = 'IN_PROGRESS' AND locked_until < now()
       RETURNING ${COLUMNS}`,
      [userId, key, leaseToken, leaseSeconds],
    );
    return row ?? null;
  }

  /** Points the key at a fresh order id (a taken-over checkout that never created its order). */
  async replaceOrderId(userId: string, key: string, leaseToken: string, orderId: string): Promise<boolean> {
    const rows = await changedRows(
      this.db,
      `UPDATE checkout_requests SET order_id = $4 WHERE user_id = $1 AND idempotency_key = $2 AND lease_token = $3 AND status = 'IN_PROGRESS' RETURNING 1`,
      [userId, key, leaseToken, orderId],
    );
    return rows.length === 1;
  }

  /** Stores the outcome for replays; false when the lease was lost to a takeover. */
  async complete(userId: string, key: string, leaseToken: string, result: CheckoutOutcome): Promise<boolean> {
    const rows = await changedRows(
      this.db,
      `UPDATE checkout_requests SET status = 'COMPLETED', result = $4, completed_at = now()
       WHERE user_id = $1 AND idempotency_key = $2 AND lease_token = $3 AND status = 'IN_PROGRESS' RETURNING 1`,
      [userId, key, leaseToken, JSON.stringify(result)],
    );
    return rows.length === 1;
  }

  /** Frees the key after a failure that left nothing behind, so a retry starts afresh. */
  async release(userId: string, key: string, leaseToken: string): Promise<void> {
    await this.db.query(
      `DELETE FROM checkout_requests WHERE user_id = $1 AND idempotency_key = $2 AND lease_token = $3 AND status = 'IN_PROGRESS'`,
      [userId, key, leaseToken],
    );
  }

  /** Ends the lease now, so the next retry resumes the checkout at once. */
  async expireLease(userId: string, key: string, leaseToken: string): Promise<void> {
    await this.db.query(
      `UPDATE checkout_requests SET locked_until = now() - interval '1 millisecond'
       WHERE user_id = $1 AND idempotency_key = $2 AND lease_token = $3 AND status = 'IN_PROGRESS'`,
      [userId, key, leaseToken],
    );
  }

  /** True while a live checkout still owns this order id (its order may not exist yet). */
  async ownsLiveCheckout(orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM checkout_requests WHERE order_id = $1 AND status = 'IN_PROGRESS' AND locked_until >= now()`,
      [orderId],
    );
    return rows.length > 0;
  }
}

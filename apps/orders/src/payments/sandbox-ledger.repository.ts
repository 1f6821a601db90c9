import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { centsFromDb } from '../shared/money';
import { changedRows } from '../shared/sql';
import type { DeclineCode } from './payment-provider';

export type SandboxPaymentStatus = 'SUCCEEDED' | 'DECLINED' | 'REQUIRES_CONFIRMATION' | 'CANCELLED';

export interface SandboxPayment {
  id: string;
  idempotencyKey: string;
  reference: string;
  amountCents: number;
  refundedCents: number;
  status: SandboxPaymentStatus;
  declineCode: DeclineCode | null;
}

const COLUMNS = `id, idempotency_key AS "idempotencyKey", reference, amount_cents AS "amountCents", refunded_cents AS "refundedCents",
  status, decline_code AS "declineCode"`;

type Row = Omit<SandboxPayment, 'amountCents' | 'refundedCents'> & { amountCents: string; refundedCents: string };
const toPayment = (row: Row): SandboxPayment => ({ ...row, amountCents: centsFromDb(row.amountCents), refundedCents: centsFromDb(row.refundedCents) });

/**
 * The sandbox provider's own records (what a real provider keeps on its side). It writes through
 * the primary DataSource directly, never inside the orders service's open transaction: a
 * provider's charge does not roll back with our transaction.
 */
@Injectable()
export class SandboxLedgerRepository {
  constructor(private readonly tx: TransactionHost) {}

  private query<T>(sql: string, params: unknown[]): Promise<T> {
    return this.tx.primary.query(sql, params);
  }

  async findByKey(idempotencyKey: string): Promise<SandboxPayment | null> {
    const rows = await this.query<Row[]>(`SELECT ${COLUMNS} FROM sandbox_payments WHERE idempotency_key = $1`, [idempotencyKey]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  async findById(id: string): Promise<SandboxPayment | null> {
    const rows = await this.query<Row[]>(`SELECT ${COLUMNS} FROM sandbox_payments WHERE id = $1`, [id]);
    return rows[0] ? toPayment(rows[0]) : null;
  }

  /** Records a payment unless the key has one; returns whichever is stored. */
  async insert(payment: Omit<SandboxPayment, 'refundedCents'> & { cardLast4: string }): Promise<SandboxPayment> {
    const [inserted] = await this.query<Row[]>(
      `INSERT INTO sandbox_payments (id, idempotency_key, reference, amount_cents, status, decline_code, card_last4)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
      [payment.id, payment.idempotencyKey, payment.reference, payment.amountCents, payment.status, payment.declineCode, payment.cardLast4],
    );
    return inserted ? toPayment(inserted) : (await this.findByKey(payment.idempotencyKey))!;
  }

  /** Moves a payment from one status to another; null when it was not in `from` any more. */
  async changeStatus(id: string, from: SandboxPaymentStatus, to: SandboxPaymentStatus, declineCode: DeclineCode | null = null): Promise<SandboxPayment | null> {
    const [row] = await changedRows<Row>(
      this.tx.primary,
      `UPDATE sandbox_payments SET status = $3, decline_code = $4, updated_at = now() WHERE id = $1 AND status = $2 RETURNING ${COLUMNS}`,
      [id, from, to, declineCode],
    );
    return row ? toPayment(row) : null;
  }

  /**
   * Records a refund once per key; false when the payment cannot take it (not captured, or it
   * would exceed what was captured).
   */
  async refund(refund: { id: string; idempotencyKey: string; paymentId: string; amountCents: number }): Promise<{ refundId: string } | null> {
    const existing = await this.query<Array<{ id: string }>>(`SELECT id FROM sandbox_refunds WHERE idempotency_key = $1`, [refund.idempotencyKey]);
    if (existing[0]) return { refundId: existing[0].id };
    const updated = await changedRows(
      this.tx.primary,
      `UPDATE sandbox_payments SET refunded_cents = refunded_cents + $2, updated_at = now()
       WHERE id = $1 AND status = 'SUCCEEDED' AND refunded_cents + $2 <= amount_cents RETURNING id`,
      [refund.paymentId, refund.amountCents],
    );
    if (updated.length === 0) return null;
    await this.query(`INSERT INTO sandbox_refunds (id, idempotency_key, payment_id, amount_cents) VALUES ($1, $2, $3, $4)`, [
      refund.id,
      refund.idempotencyKey,
      refund.paymentId,
      refund.amountCents,
    ]);
    return { refundId: refund.id };
  }
}

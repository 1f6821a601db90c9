import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { centsFromDb } from '../shared/money';
import type { OrderKey } from '../shared/order-id';
import { changedRows } from '../shared/sql';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity, StockState } from './order.entity';
import type { OrderStatus, PaymentStatus, TransitionActor } from './order-status.enum';
import type { OrderTransitionEntity } from './order-transition.entity';

const ORDER_COLUMNS = `
  id, created_at AS "createdAt", user_id AS "userId", status, currency,
  subtotal_cents AS "subtotalCents", shipping_cents AS "shippingCents", total_cents AS "totalCents",
  captured_cents AS "capturedCents", refunded_cents AS "refundedCents",
  payment_status AS "paymentStatus", payment_provider AS "paymentProvider", payment_id AS "paymentId",
  payment_decline_code AS "paymentDeclineCode", stock_state AS "stockState", payment_expires_at AS "paymentExpiresAt",
  paid_at AS "paidAt", tracking_code AS "trackingCode", shipped_at AS "shippedAt", delivered_at AS "deliveredAt",
  cancelled_at AS "cancelledAt", updated_at AS "updatedAt"`;

const LINE_COLUMNS = `
  order_id AS "orderId", order_created_at AS "orderCreatedAt", line_no AS "lineNo", sku, product_id AS "productId",
  kind, name, variant_name AS "variantName", quantity, unit_price_cents AS "unitPriceCents", line_total_cents AS "lineTotalCents"`;

type Money<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type OrderRow = Money<OrderEntity, 'subtotalCents' | 'shippingCents' | 'totalCents' | 'capturedCents' | 'refundedCents'>;
type LineRow = Money<OrderLineEntity, 'unitPriceCents' | 'lineTotalCents'>;

function toOrder(row: OrderRow): OrderEntity {
  return {
    ...row,
    subtotalCents: centsFromDb(row.subtotalCents),
    shippingCents: centsFromDb(row.shippingCents),
    totalCents: centsFromDb(row.totalCents),
    capturedCents: centsFromDb(row.capturedCents),
    refundedCents: centsFromDb(row.refundedCents),
  };
}

function toLine(row: LineRow): OrderLineEntity {
  return { ...row, unitPriceCents: centsFromDb(row.unitPriceCents), lineTotalCents: centsFromDb(row.lineTotalCents) };
}

export interface NewOrder {
  key: OrderKey;
  userId: string;
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  paymentExpiresAt: Date;
  paymentProvider: string;
  lines: Array<Omit<OrderLineEntity, 'orderId' | 'orderCreatedAt' | 'lineNo' | 'lineTotalCents'>>;
}

/** Columns a transition may set alongside the status. */
export interface OrderPatch {
  paymentStatus?: PaymentStatus;
  paymentId?: string | null;
  paymentDeclineCode?: string | null;
  capturedCents?: number;
  refundedCents?: number;
  paidAt?: Date;
  trackingCode?: string;
  shippedAt?: Date;
  deliveredAt?: Date;
  cancelledAt?: Date;
}

const PATCH_COLUMNS: Record<keyof OrderPatch, string> = {
  paymentStatus: 'payment_status',
  paymentId: 'payment_id',
  paymentDeclineCode: 'payment_decline_code',
  capturedCents: 'captured_cents',
  refundedCents: 'refunded_cents',
  paidAt: 'paid_at',
  trackingCode: 'tracking_code',
  shippedAt: 'shipped_at',
  deliveredAt: 'delivered_at',
  cancelledAt: 'cancelled_at',
};

export interface OrderPageQuery {
  userId?: string;
  status?: OrderStatus;
  placedFrom?: Date;
  placedTo?: Date;
  limit: number;
  after?: { createdAt: string; id: string };
}

/**
 * Orders, their lines and their transition history. Every lookup names both parts of the
 * primary key (id, created_at), so Postgres prunes to one monthly partition.
 */
@Injectable()
export class OrdersRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Inserts the order (PENDING_PAYMENT) and its lines; returns the stored order. */
  async insert(order: NewOrder): Promise<OrderEntity> {
    const { key } = order;
    const [row]: OrderRow[] = await this.tx.manager.query(
      `INSERT INTO orders (id, created_at, user_id, status, subtotal_cents, shipping_cents, total_cents, payment_expires_at, payment_provider)
       VALUES ($1, $2, $3, 'PENDING_PAYMENT', $4, $5, $6, $7, $8) RETURNING ${ORDER_COLUMNS}`,
      [key.id, key.createdAt, order.userId, order.subtotalCents, order.shippingCents, order.totalCents, order.paymentExpiresAt, order.paymentProvider],
    );
    await this.tx.manager.query(
      `INSERT INTO order_lines (order_id, order_created_at, line_no, sku, product_id, kind, name, variant_name, quantity, unit_price_cents, line_total_cents)
       SELECT $1, $2, l.line_no, l.sku, l.product_id, l.kind, l.name, l.variant_name, l.quantity, l.unit_price, l.unit_price * l.quantity
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::bigint[])
         AS l(line_no, sku, product_id, kind, name, variant_name, quantity, unit_price)`,
      [
        key.id,
        key.createdAt,
        order.lines.map((_line, index) => index + 1),
        order.lines.map((line) => line.sku),
        order.lines.map((line) => line.productId),
        order.lines.map((line) => line.kind),
        order.lines.map((line) => line.name),
        order.lines.map((line) => line.variantName),
        order.lines.map((line) => line.quantity),
        order.lines.map((line) => line.unitPriceCents),
      ],
    );
    return toOrder(row);
  }

  async find(key: OrderKey, options: { lock?: boolean } = {}): Promise<OrderEntity | null> {
    const rows: OrderRow[] = await this.tx.manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1 AND created_at = $2${options.lock ? ' FOR UPDATE' : ''}`,
      [key.id, key.createdAt],
    );
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /**
   * Moves the order from `from` to `to` (and applies `patch`) only if it is still in `from`;
   * null when another writer got there first.
   */
  async changeStatus(key: OrderKey, from: OrderStatus, to: OrderStatus, patch: OrderPatch = {}): Promise<OrderEntity | null> {
    const { assignments, values } = this.assignments(patch, 4);
    const rows = await changedRows<OrderRow>(
      this.tx.manager,
      `UPDATE orders SET status = $3, updated_at = now()${assignments}
       WHERE id = $1 AND created_at = $2 AND status = $${values.length + 4}
       RETURNING ${ORDER_COLUMNS}`,
      [key.id, key.createdAt, to, ...values, from],
    );
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** Changes columns other than the status. */
  async patch(key: OrderKey, patch: OrderPatch): Promise<OrderEntity | null> {
    const { assignments, values } = this.assignments(patch, 3);
    const rows = await changedRows<OrderRow>(
      this.tx.manager,
      `UPDATE orders SET updated_at = now()${assignments} WHERE id = $1 AND created_at = $2 RETURNING ${ORDER_COLUMNS}`,
      [key.id, key.createdAt, ...values],
    );
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async setStockState(key: OrderKey, from: StockState, to: StockState): Promise<boolean> {
    const rows = await changedRows(
      this.tx.manager,
      `UPDATE orders SET stock_state = $4, updated_at = now() WHERE id = $1 AND created_at = $2 AND stock_state = $3 RETURNING id`,
      [key.id, key.createdAt, from, to],
    );
    return rows.length === 1;
  }

  async recordTransition(transition: {
    key: OrderKey;
    from: OrderStatus | null;
    to: OrderStatus;
    actorType: TransitionActor;
    actorId: string | null;
    reason: string;
  }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO order_transitions (order_id, order_created_at, from_status, to_status, actor_type, actor_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [transition.key.id, transition.key.createdAt, transition.from, transition.to, transition.actorType, transition.actorId, transition.reason],
    );
  }

  async insertRefund(refund: { id: string; key: OrderKey; amountCents: number; reason: string; providerRefundId: string; actorId: string | null }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO order_refunds (id, order_id, order_created_at, amount_cents, reason, provider_refund_id, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [refund.id, refund.key.id, refund.key.createdAt, refund.amountCents, refund.reason, refund.providerRefundId, refund.actorId],
    );
  }

  /** Lines of several orders in one statement (DataLoader). */
  async linesOf(keys: readonly OrderKey[]): Promise<OrderLineEntity[]> {
    if (keys.length === 0) return [];
    const rows: LineRow[] = await this.tx.reader.query(
      `SELECT ${LINE_COLUMNS} FROM order_lines
       WHERE order_id = ANY($1::uuid[]) AND order_created_at = ANY($2::timestamptz[])
       ORDER BY order_id, line_no`,
      [keys.map((key) => key.id), keys.map((key) => key.createdAt)],
    );
    return rows.map(toLine);
  }

  /** Lines for writing paths (read-your-writes inside a transaction). */
  async linesForUpdate(key: OrderKey): Promise<OrderLineEntity[]> {
    const rows: LineRow[] = await this.tx.manager.query(
      `SELECT ${LINE_COLUMNS} FROM order_lines WHERE order_id = $1 AND order_created_at = $2 ORDER BY line_no`,
      [key.id, key.createdAt],
    );
    return rows.map(toLine);
  }

  async transitionsOf(keys: readonly OrderKey[]): Promise<OrderTransitionEntity[]> {
    if (keys.length === 0) return [];
    return this.tx.reader.query(
      `SELECT order_id AS "orderId", order_created_at AS "orderCreatedAt", id::text AS id, from_status AS "fromStatus",
              to_status AS "toStatus", actor_type AS "actorType", actor_id AS "actorId", reason, at
       FROM order_transitions
       WHERE order_id = ANY($1::uuid[]) AND order_created_at = ANY($2::timestamptz[])
       ORDER BY order_id, at, id`,
      [keys.map((key) => key.id), keys.map((key) => key.createdAt)],
    );
  }

  /** Newest first, keyset-paginated on (created_at, id); fetches `limit + 1` rows. */
  async page(query: OrderPageQuery): Promise<{ rows: OrderEntity[]; totalCount: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (query.userId !== undefined) add((p) => `user_id = ${p}`, query.userId);
    if (query.status !== undefined) add((p) => `status = ${p}`, query.status);
    if (query.placedFrom !== undefined) add((p) => `created_at >= ${p}`, query.placedFrom);
    if (query.placedTo !== undefined) add((p) => `created_at < ${p}`, query.placedTo);
    const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const countParams = [...params];
    if (query.after) {
      params.push(query.after.createdAt, query.after.id);
      const clause = `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      conditions.push(clause);
    }
    const pageFilter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    params.push(query.limit + 1);
    const [rows, counted] = await Promise.all([
      this.tx.reader.query(`SELECT ${ORDER_COLUMNS} FROM orders ${pageFilter} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params),
      this.tx.reader.query(`SELECT count(*)::int AS count FROM orders ${filter}`, countParams),
    ]);
    return { rows: (rows as OrderRow[]).map(toOrder), totalCount: (counted as Array<{ count: number }>)[0].count };
  }

  /** Unpaid orders, for re-scheduling their expiry at boot. */
  async pendingPayment(limit: number): Promise<Array<{ id: string; paymentExpiresAt: Date }>> {
    return this.tx.manager.query(
      `SELECT id, payment_expires_at AS "paymentExpiresAt" FROM orders WHERE status = 'PENDING_PAYMENT' ORDER BY payment_expires_at LIMIT $1`,
      [limit],
    );
  }

  /** Orders past payment whose stock is still only reserved (a commit or release is owed). */
  async unsettledStock(limit: number): Promise<Array<{ id: string }>> {
    return this.tx.manager.query(
      `SELECT id FROM orders WHERE stock_state = 'RESERVED' AND status <> 'PENDING_PAYMENT' ORDER BY created_at LIMIT $1`,
      [limit],
    );
  }

  private assignments(patch: OrderPatch, firstPlaceholder: number): { assignments: string; values: unknown[] } {
    const entries = (Object.entries(patch) as Array<[keyof OrderPatch, unknown]>).filter(([, value]) => value !== undefined);
    return {
      assignments: entries.map(([field], index) => `, ${PATCH_COLUMNS[field]} = $${firstPlaceholder + index}`).join(''),
      values: entries.map(([, value]) => value),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { returningRows } from '../shared/returning-rows';

export interface StockLevelRecord {
  sku: string;
  productId: string;
  onHand: number;
  reserved: number;
}

export interface StockLine {
  sku: string;
  quantity: number;
}

export type ReservationStatus = 'RESERVED' | 'COMMITTED' | 'RELEASED';

export interface StockMovementRecord {
  sku: string;
  kind: 'RESERVED' | 'COMMITTED' | 'RELEASED' | 'ADJUSTED';
  onHandDelta: number;
  reservedDelta: number;
  reason?: string | null;
  note?: string | null;
  orderId?: string | null;
  actorId?: string | null;
}

const LEVEL_COLUMNS = `s.sku, v.product_id AS "productId", s.on_hand AS "onHand", s.reserved`;

/**
 * Stock levels, reservations and the movement ledger. Every write that touches several SKUs
 * first locks their rows in SKU order (`lockLevels`), so two transactions never wait on each
 * other in opposite orders (no deadlocks), and every decrement is a conditional UPDATE that
 * cannot take a level below zero even if a caller forgot the lock.
 */
@Injectable()
export class StockRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Current levels, for display (may lag on a replica). */
  async levels(skus: readonly string[]): Promise<StockLevelRecord[]> {
    if (skus.length === 0) return [];
    return this.tx.reader.query(
      `SELECT ${LEVEL_COLUMNS} FROM stock_levels s JOIN product_variants v ON v.sku = s.sku WHERE s.sku = ANY($1::text[])`,
      [skus],
    );
  }

  /**
   * Locks the levels of `skus` (sorted) until the transaction ends and returns them, with
   * whether their product is on sale.
   */
  async lockLevels(skus: readonly string[]): Promise<Array<StockLevelRecord & { onSale: boolean }>> {
    return this.tx.manager.query(
      `SELECT ${LEVEL_COLUMNS}, p.status = 'ACTIVE' AS "onSale"
       FROM stock_levels s JOIN product_variants v ON v.sku = s.sku JOIN products p ON p.id = v.product_id
       WHERE s.sku = ANY($1::text[]) ORDER BY s.sku FOR UPDATE OF s`,
      [[...skus].sort()],
    );
  }

  /**
   * Adds `quantity` to `reserved` of each line, only where enough is available. Returns the
   * rows it changed: fewer rows than lines means a line was short and the caller must roll back.
   */
  async reserve(lines: readonly StockLine[]): Promise<StockLevelRecord[]> {
    return this.updateReturning(
      `UPDATE stock_levels s SET reserved = s.reserved + l.quantity, updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS l(sku, quantity), product_variants v
       WHERE s.sku = l.sku AND v.sku = s.sku AND s.on_hand - s.reserved >= l.quantity
       RETURNING ${LEVEL_COLUMNS}`,
      [lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    );
  }

  /** Turns reserved units into shipped ones: both on-hand and reserved drop. */
  async commit(lines: readonly StockLine[]): Promise<StockLevelRecord[]> {
    return this.updateReturning(
      `UPDATE stock_levels s SET on_hand = s.on_hand - l.quantity, reserved = s.reserved - l.quantity, updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS l(sku, quantity), product_variants v
       WHERE s.sku = l.sku AND v.sku = s.sku AND s.reserved >= l.quantity
       RETURNING ${LEVEL_COLUMNS}`,
      [lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    );
  }

  /** Gives reserved units back to the available pool. */
  async release(lines: readonly StockLine[]): Promise<StockLevelRecord[]> {
    return this.updateReturning(
      `UPDATE stock_levels s SET reserved = s.reserved - l.quantity, updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS l(sku, quantity), product_variants v
       WHERE s.sku = l.sku AND v.sku = s.sku AND s.reserved >= l.quantity
       RETURNING ${LEVEL_COLUMNS}`,
      [lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    );
  }

  /** Changes on-hand units, refusing to go below what is reserved. Null when refused or unknown. */
  async adjust(sku: string, delta: number): Promise<StockLevelRecord | null> {
    const rows = await this.updateReturning<StockLevelRecord>(
      `UPDATE stock_levels s SET on_hand = s.on_hand + $2, updated_at = now()
       FROM product_variants v
       WHERE s.sku = $1 AND v.sku = s.sku AND s.on_hand + $2 >= s.reserved
       RETURNING ${LEVEL_COLUMNS}`,
      [sku, delta],
    );
    return rows[0] ?? null;
  }

  /** Creates the level of a new SKU. */
  async createLevel(sku: string, onHand: number): Promise<void> {
    await this.tx.manager.query(`INSERT INTO stock_levels (sku, on_hand) VALUES ($1, $2)`, [sku, onHand]);
  }

  /** Sets on-hand units outright, for seeds; never below what is reserved. */
  async upsertLevels(levels: ReadonlyArray<{ sku: string; onHand: number }>): Promise<void> {
    if (levels.length === 0) return;
    await this.tx.manager.query(
      `INSERT INTO stock_levels (sku, on_hand)
       SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (sku) DO UPDATE SET on_hand = greatest(excluded.on_hand, stock_levels.reserved), updated_at = now()`,
      [levels.map((level) => level.sku), levels.map((level) => level.onHand)],
    );
  }

  /** Creates levels for SKUs that have none; existing levels are left alone (seeds). */
  async insertMissingLevels(levels: ReadonlyArray<{ sku: string; onHand: number }>): Promise<void> {
    if (levels.length === 0) return;
    await this.tx.manager.query(
      `INSERT INTO stock_levels (sku, on_hand) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (sku) DO NOTHING`,
      [levels.map((level) => level.sku), levels.map((level) => level.onHand)],
    );
  }

  /**
   * Claims `orderId` for a new reservation. False when the order already has one; a concurrent
   * claim of the same order waits here until the first transaction ends.
   */
  async claimReservation(orderId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO stock_reservations (order_id, status) VALUES ($1, 'RESERVED') ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      [orderId],
    );
    return rows.length === 1;
  }

  async addReservationLines(orderId: string, lines: readonly StockLine[]): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO stock_reservation_lines (order_id, sku, quantity) SELECT $1, * FROM unnest($2::text[], $3::int[])`,
      [orderId, lines.map((line) => line.sku), lines.map((line) => line.quantity)],
    );
  }

  async reservationStatus(orderId: string): Promise<ReservationStatus | null> {
    const rows: Array<{ status: ReservationStatus }> = await this.tx.manager.query(
      `SELECT status FROM stock_reservations WHERE order_id = $1`,
      [orderId],
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Moves a reservation from RESERVED to `to` and returns its lines, or null when it was not
   * RESERVED. The status update locks the row, so of two concurrent calls only one gets lines.
   */
  async closeReservation(orderId: string, to: 'COMMITTED' | 'RELEASED'): Promise<StockLine[] | null> {
    const updated = await this.updateReturning(
      `UPDATE stock_reservations SET status = $2, updated_at = now() WHERE order_id = $1 AND status = 'RESERVED' RETURNING order_id`,
      [orderId, to],
    );
    if (updated.length === 0) return null;
    return this.tx.manager.query(
      `SELECT sku, quantity FROM stock_reservation_lines WHERE order_id = $1 ORDER BY sku`,
      [orderId],
    );
  }

  async recordMovements(movements: readonly StockMovementRecord[]): Promise<void> {
    if (movements.length === 0) return;
    await this.tx.manager.query(
      `INSERT INTO stock_movements (sku, kind, on_hand_delta, reserved_delta, reason, note, order_id, actor_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        movements.map((m) => m.sku),
        movements.map((m) => m.kind),
        movements.map((m) => m.onHandDelta),
        movements.map((m) => m.reservedDelta),
        movements.map((m) => m.reason ?? null),
        movements.map((m) => m.note ?? null),
        movements.map((m) => m.orderId ?? null),
        movements.map((m) => m.actorId ?? null),
      ],
    );
  }

  private async updateReturning<T>(sql: string, params: unknown[]): Promise<T[]> {
    return returningRows<T>(await this.tx.manager.query(sql, params));
  }
}

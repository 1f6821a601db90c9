import { Injectable } from '@nestjs/common';
import type { ReserveStockResponseV1 } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import { CatalogCache } from '../shared/catalog-cache';
import { hasControlCharacters, looksLike } from '../shared/validation';
import { StockAdjustmentReason } from './stock-adjustment-reason.enum';
import { StockError, StockErrorCode } from './stock.errors';
import { type StockLevelRecord, type StockLine, type StockMovementRecord, StockRepository } from './stock.repository';

const MAX_LINES = 100;
const MAX_LINE_QUANTITY = 10_000;
const MAX_ADJUSTMENT = 1_000_000;

export interface StockLevelView {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

/** Thrown inside the reserve transaction to roll it back; never leaves this file. */
class ShortageRollback extends Error {
  constructor(readonly shortages: Shortage[]) {
    super('insufficient stock');
  }
}

const available = (level: StockLevelRecord) => level.onHand - level.reserved;
const invalid = (field: string, message: string) => new StockError(StockErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });

/**
 * Stock per SKU and the reservations orders hold on it. Reserve, commit and release are
 * keyed by order id and idempotent; each runs in one transaction that locks the order's
 * stock rows in SKU order, so concurrent orders never oversell and never deadlock.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly stock: StockRepository,
    private readonly events: EventPublisher,
    private readonly cache: CatalogCache,
  ) {}

  async levels(skus: readonly string[]): Promise<StockLevelView[]> {
    return (await this.stock.levels(skus)).map(toLevelView);
  }

  /** Creates (or, for seeds, resets) the stock of SKUs; joins the caller's transaction. */
  async initialize(levels: ReadonlyArray<{ sku: string; onHand: number }>): Promise<void> {
    await this.stock.upsertLevels(levels);
  }

  /**
   * Reserves every line or nothing. Repeating the request for the same order returns the
   * existing reservation without reserving again.
   */
  async reserve(orderId: string, requested: readonly StockLine[]): Promise<ReserveStockResponseV1> {
    assertOrderId(orderId);
    const lines = mergeLines(requested);
    try {
      return await this.tx.transaction(async () => {
        if (!(await this.stock.claimReservation(orderId))) return { ok: true as const, reservationId: orderId };
        const before = await this.stock.lockLevels(lines.map((line) => line.sku));
        // Unknown SKUs and products that are not on sale (draft, archived) have nothing available.
        const sellable = new Map(before.filter((level) => level.onSale).map((level) => [level.sku, Math.max(0, available(level))]));
        const shortages = lines
          .map((line) => ({ sku: line.sku, requested: line.quantity, available: sellable.get(line.sku) ?? 0 }))
          .filter((shortage) => shortage.available < shortage.requested);
        if (shortages.length > 0) throw new ShortageRollback(shortages);
        const after = await this.stock.reserve(lines);
        // Cannot happen while we hold the locks; the conditional UPDATE is the backstop.
        if (after.length !== lines.length) throw new Error(`stock of order ${orderId} changed under its locks`);
        await this.stock.addReservationLines(orderId, lines);
        await this.recordChanges(before, after, lines.map((line) => ({ sku: line.sku, kind: 'RESERVED', onHandDelta: 0, reservedDelta: line.quantity, orderId })));
        return { ok: true as const, reservationId: orderId };
      });
    } catch (error) {
      if (error instanceof ShortageRollback) return { ok: false, reason: 'INSUFFICIENT_STOCK', shortages: error.shortages };
      throw error;
    }
  }

  /** Ships the reserved units of a paid order. Committing twice is a no-op. */
  async commit(orderId: string): Promise<void> {
    assertOrderId(orderId);
    await this.tx.transaction(async () => {
      const lines = await this.stock.closeReservation(orderId, 'COMMITTED');
      if (!lines) {
        const status = await this.stock.reservationStatus(orderId);
        if (status === 'COMMITTED') return;
        if (status === 'RELEASED') {
          throw new StockError(StockErrorCode.RESERVATION_ALREADY_RELEASED, `the reservation of order ${orderId} was released`);
        }
        throw new StockError(StockErrorCode.RESERVATION_NOT_FOUND, `order ${orderId} has no reservation`);
      }
      const before = await this.stock.lockLevels(lines.map((line) => line.sku));
      const after = await this.stock.commit(lines);
      if (after.length !== lines.length) throw new Error(`reserved stock of order ${orderId} is missing`);
      await this.recordChanges(before, after, lines.map((line) => ({ sku: line.sku, kind: 'COMMITTED', onHandDelta: -line.quantity, reservedDelta: -line.quantity, orderId })));
    });
  }

  /**
   * Returns the reserved units of a cancelled order. Releasing twice, or releasing an order
   * that never got a reservation (its reserve failed), is a no-op.
   */
  async release(orderId: string): Promise<void> {
    assertOrderId(orderId);
    await this.tx.transaction(async () => {
      const lines = await this.stock.closeReservation(orderId, 'RELEASED');
      if (!lines) {
        if ((await this.stock.reservationStatus(orderId)) === 'COMMITTED') {
          throw new StockError(StockErrorCode.RESERVATION_ALREADY_COMMITTED, `order ${orderId} was already committed; return the units with adjustStock`);
        }
        return;
      }
      const before = await this.stock.lockLevels(lines.map((line) => line.sku));
      const after = await this.stock.release(lines);
      if (after.length !== lines.length) throw new Error(`reserved stock of order ${orderId} is missing`);
      await this.recordChanges(before, after, lines.map((line) => ({ sku: line.sku, kind: 'RELEASED', onHandDelta: 0, reservedDelta: -line.quantity, orderId })));
    });
  }

  /** An admin changes the units on hand of one SKU, with a reason for the ledger. */
  async adjust(input: { sku: string; delta: number; reason: StockAdjustmentReason; note?: string | null; actorId?: string }): Promise<StockLevelView> {
    if (!looksLike.sku(input.sku)) throw new StockError(StockErrorCode.SKU_NOT_FOUND, `unknown SKU ${input.sku}`, { field: 'sku' });
    if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_ADJUSTMENT) {
      throw invalid('delta', `must be a non-zero whole number between -${MAX_ADJUSTMENT} and ${MAX_ADJUSTMENT}`);
    }
    if (!Object.values(StockAdjustmentReason).includes(input.reason)) throw invalid('reason', 'unknown reason');
    const note = input.note?.trim() || null;
    if (note && (note.length > 500 || hasControlCharacters(note))) throw invalid('note', 'must be at most 500 printable characters');
    return this.tx.transaction(async () => {
      const [before] = await this.stock.lockLevels([input.sku]);
      if (!before) throw new StockError(StockErrorCode.SKU_NOT_FOUND, `unknown SKU ${input.sku}`, { field: 'sku' });
      const after = await this.stock.adjust(input.sku, input.delta);
      if (!after) {
        throw new StockError(StockErrorCode.BELOW_RESERVED, `delta: would leave ${before.onHand + input.delta} on hand but ${before.reserved} are reserved`, {
          field: 'delta',
        });
      }
      await this.recordChanges([before], [after], [
        { sku: input.sku, kind: 'ADJUSTED', onHandDelta: input.delta, reservedDelta: 0, reason: input.reason, note, actorId: input.actorId },
      ]);
      return toLevelView(after);
    });
  }

  /** Ledger rows, StockChanged / OutOfStock events, and list-cache invalidation after commit. */
  private async recordChanges(before: StockLevelRecord[], after: StockLevelRecord[], movements: StockMovementRecord[]): Promise<void> {
    await this.stock.recordMovements(movements);
    const previous = new Map(before.map((level) => [level.sku, level]));
    let availabilityFlipped = false;
    for (const level of [...after].sort((a, b) => a.sku.localeCompare(b.sku))) {
      const view = toLevelView(level);
      await this.events.publish('catalog.stock.changed.v1', view);
      const old = previous.get(level.sku);
      const wasAvailable = old ? available(old) > 0 : false;
      if (wasAvailable !== view.available > 0) availabilityFlipped = true;
      if (wasAvailable && view.available === 0) {
        await this.events.publish('catalog.stock.out-of-stock.v1', { sku: level.sku, productId: level.productId });
      }
    }
    if (availabilityFlipped) await this.tx.afterCommit(() => this.cache.availabilityChanged());
  }
}

function toLevelView(level: StockLevelRecord): StockLevelView {
  return { sku: level.sku, onHand: level.onHand, reserved: level.reserved, available: Math.max(0, level.onHand - level.reserved) };
}

function assertOrderId(orderId: string): void {
  if (typeof orderId !== 'string' || orderId.length === 0 || orderId.length > 100 || hasControlCharacters(orderId)) {
    throw invalid('orderId', 'must be 1 to 100 printable characters');
  }
}

/** Validates lines and merges repeated SKUs, sorted by SKU (the lock order). */
function mergeLines(lines: readonly StockLine[]): StockLine[] {
  if (lines.length === 0 || lines.length > MAX_LINES) throw invalid('lines', `must hold 1 to ${MAX_LINES} lines`);
  const merged = new Map<string, number>();
  lines.forEach((line, index) => {
    if (!looksLike.sku(line.sku)) throw invalid(`lines[${index}].sku`, 'is not a SKU');
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_LINE_QUANTITY) {
      throw invalid(`lines[${index}].quantity`, `must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
    }
    merged.set(line.sku, (merged.get(line.sku) ?? 0) + line.quantity);
  });
  return [...merged].map(([sku, quantity]) => ({ sku, quantity })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

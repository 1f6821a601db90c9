import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { centsFromDb } from '../shared/money';
import { changedRows } from '../shared/sql';
import type { CartLineEntity } from './cart-line.entity';
import type { CartEntity } from './cart.entity';

const CART_COLUMNS = `id, user_id AS "userId", created_at AS "createdAt", updated_at AS "updatedAt"`;

type CartLineRow = Omit<CartLineEntity, 'seenUnitPriceCents'> & { seenUnitPriceCents: string | null };

const toLine = (row: CartLineRow): CartLineEntity => ({
  ...row,
  seenUnitPriceCents: row.seenUnitPriceCents === null ? null : centsFromDb(row.seenUnitPriceCents),
});

/** Carts and their lines. Writes that read-modify-write a cart lock its row first (`lock`). */
@Injectable()
export class CartRepository {
  constructor(private readonly tx: TransactionHost) {}

  async findByUser(userId: string, options: { lock?: boolean } = {}): Promise<CartEntity | null> {
    const rows: CartEntity[] = await this.tx.manager.query(`SELECT ${CART_COLUMNS} FROM carts WHERE user_id = $1${options.lock ? ' FOR UPDATE' : ''}`, [
      userId,
    ]);
    return rows[0] ?? null;
  }

  /** A guest cart by id; a user's cart is never reachable by id alone. */
  async findGuest(cartId: string): Promise<CartEntity | null> {
    const rows: CartEntity[] = await this.tx.manager.query(`SELECT ${CART_COLUMNS} FROM carts WHERE id = $1 AND user_id IS NULL`, [cartId]);
    return rows[0] ?? null;
  }

  /** The user's cart, created on first use (concurrent first uses get the same cart). */
  async findOrCreateForUser(userId: string, newId: string): Promise<CartEntity> {
    const existing = await this.findByUser(userId);
    if (existing) return existing;
    await this.tx.manager.query(`INSERT INTO carts (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, [newId, userId]);
    return (await this.findByUser(userId))!;
  }

  async createGuest(id: string): Promise<CartEntity> {
    const rows: CartEntity[] = await this.tx.manager.query(`INSERT INTO carts (id, user_id) VALUES ($1, NULL) RETURNING ${CART_COLUMNS}`, [id]);
    return rows[0];
  }

  /** Locks the cart row until the transaction ends, serialising changes to one cart. */
  async lock(cartId: string): Promise<void> {
    await this.tx.manager.query(`SELECT 1 FROM carts WHERE id = $1 FOR UPDATE`, [cartId]);
  }

  async touch(cartId: string): Promise<Date> {
    const rows = await changedRows<{ updatedAt: Date }>(this.tx.manager, `UPDATE carts SET updated_at = now() WHERE id = $1 RETURNING updated_at AS "updatedAt"`, [
      cartId,
    ]);
    return rows[0].updatedAt;
  }

  /** The lines of a user's cart in one statement (checkout reads nothing else of the cart). */
  async linesOfUser(userId: string): Promise<CartLineEntity[]> {
    const rows: CartLineRow[] = await this.tx.manager.query(
      `SELECT l.cart_id AS "cartId", l.sku, l.quantity, l.seen_unit_price_cents AS "seenUnitPriceCents", l.added_at AS "addedAt"
       FROM cart_lines l JOIN carts c ON c.id = l.cart_id WHERE c.user_id = $1 ORDER BY l.added_at, l.sku`,
      [userId],
    );
    return rows.map(toLine);
  }

  /** Stamps the user's cart, locking it until the transaction ends; null when the user has none. */
  async touchUserCart(userId: string): Promise<CartEntity | null> {
    const [cart] = await changedRows<CartEntity>(this.tx.manager, `UPDATE carts SET updated_at = now() WHERE user_id = $1 RETURNING ${CART_COLUMNS}`, [userId]);
    return cart ?? null;
  }

  async lines(cartId: string): Promise<CartLineEntity[]> {
    const rows: CartLineRow[] = await this.tx.manager.query(
      `SELECT cart_id AS "cartId", sku, quantity, seen_unit_price_cents AS "seenUnitPriceCents", added_at AS "addedAt"
       FROM cart_lines WHERE cart_id = $1 ORDER BY added_at, sku`,
      [cartId],
    );
    return rows.map(toLine);
  }

  async setLine(cartId: string, sku: string, quantity: number, seenUnitPriceCents: number): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO cart_lines (cart_id, sku, quantity, seen_unit_price_cents) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, seen_unit_price_cents = excluded.seen_unit_price_cents`,
      [cartId, sku, quantity, seenUnitPriceCents],
    );
  }

  async deleteLine(cartId: string, sku: string): Promise<void> {
    await this.tx.manager.query(`DELETE FROM cart_lines WHERE cart_id = $1 AND sku = $2`, [cartId, sku]);
  }

  /** Records the prices shown to a user, by user id. */
  async setSeenPricesOfUser(userId: string, prices: ReadonlyArray<{ sku: string; unitPriceCents: number }>): Promise<void> {
    if (prices.length === 0) return;
    await this.tx.manager.query(
      `UPDATE cart_lines l SET seen_unit_price_cents = p.price
       FROM unnest($2::text[], $3::bigint[]) AS p(sku, price), carts c
       WHERE c.user_id = $1 AND l.cart_id = c.id AND l.sku = p.sku`,
      [userId, prices.map((price) => price.sku), prices.map((price) => price.unitPriceCents)],
    );
  }

  /** Records that the customer has now been shown these prices. */
  async setSeenPrices(cartId: string, prices: ReadonlyArray<{ sku: string; unitPriceCents: number }>): Promise<void> {
    if (prices.length === 0) return;
    await this.tx.manager.query(
      `UPDATE cart_lines l SET seen_unit_price_cents = p.price
       FROM unnest($2::text[], $3::bigint[]) AS p(sku, price)
       WHERE l.cart_id = $1 AND l.sku = p.sku`,
      [cartId, prices.map((price) => price.sku), prices.map((price) => price.unitPriceCents)],
    );
  }

  /** Deletes a guest cart (its lines go with it); false when it was gone already. */
  async deleteGuest(guestId: string): Promise<boolean> {
    const deleted = await changedRows(this.tx.manager, `DELETE FROM carts WHERE id = $1 AND user_id IS NULL RETURNING id`, [guestId]);
    return deleted.length > 0;
  }

  /** Copies a guest cart's lines into `targetId`, adding quantities of SKUs in both (capped). */
  async copyLines(guestId: string, targetId: string, maxQuantity: number): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO cart_lines (cart_id, sku, quantity, seen_unit_price_cents, added_at)
       SELECT $2, sku, quantity, seen_unit_price_cents, added_at FROM cart_lines WHERE cart_id = $1
       ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = least($3, cart_lines.quantity + excluded.quantity)`,
      [guestId, targetId, maxQuantity],
    );
  }

  /** Removes `lines` from the cart after checkout, leaving anything added meanwhile. */
  async removeOrdered(cartId: string, skus: readonly string[]): Promise<void> {
    if (skus.length === 0) return;
    await this.tx.manager.query(`DELETE FROM cart_lines WHERE cart_id = $1 AND sku = ANY($2::text[])`, [cartId, [...skus]]);
  }
}

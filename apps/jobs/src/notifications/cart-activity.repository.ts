import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';

export interface CartActivity {
  cartId: string;
  userId: string;
  itemCount: number;
  lastActivityAt: Date;
}

/** The latest known state of each signed-in cart. */
@Injectable()
export class CartActivityRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Keeps the newest update only (an older one arriving late changes nothing). */
  async record(cart: { cartId: string; userId: string; itemCount: number; lastActivityAt: string }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO cart_activity (cart_id, user_id, item_count, last_activity_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cart_id) DO UPDATE SET user_id = EXCLUDED.user_id, item_count = EXCLUDED.item_count,
         last_activity_at = EXCLUDED.last_activity_at
       WHERE cart_activity.last_activity_at <= EXCLUDED.last_activity_at`,
      [cart.cartId, cart.userId, cart.itemCount, cart.lastActivityAt],
    );
  }

  async find(cartId: string): Promise<CartActivity | null> {
    const [row]: Array<{ cart_id: string; user_id: string; item_count: number; last_activity_at: Date }> = await this.tx.manager.query(
      `SELECT * FROM cart_activity WHERE cart_id = $1`,
      [cartId],
    );
    return row ? { cartId: row.cart_id, userId: row.user_id, itemCount: row.item_count, lastActivityAt: row.last_activity_at } : null;
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import type { CartLineEntity } from '../cart/cart-line.entity';
import { CartRepository } from '../cart/cart.repository';
import { CartService } from '../cart/cart.service';

/** What checkout does with the customer's cart: read it, record prices shown, empty it. */
@Injectable()
export class CheckoutCart {
  constructor(
    private readonly tx: TransactionHost,
    private readonly carts: CartRepository,
    private readonly cartService: CartService,
  ) {}

  linesOf(userId: string): Promise<CartLineEntity[]> {
    return this.carts.linesOfUser(userId);
  }

  /** The PriceChanged result shows the new prices: the next checkout may go ahead with them. */
  markPricesSeen(userId: string, prices: ReadonlyArray<{ sku: string; unitPriceCents: number }>): Promise<void> {
    return this.carts.setSeenPricesOfUser(userId, prices);
  }

  /** Removes the ordered SKUs (anything added meanwhile stays) and announces the emptier cart. */
  async removeOrdered(userId: string, skus: readonly string[]): Promise<void> {
    await this.tx.transaction(async () => {
      const cart = await this.carts.touchUserCart(userId);
      if (!cart) return;
      await this.carts.removeOrdered(cart.id, skus);
      await this.cartService.announce(cart, await this.carts.lines(cart.id), cart.updatedAt);
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { VariantSnapshotV1 } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import type { OrdersConfig } from '../config';
import { CatalogClient, CatalogUnavailableError } from '../shared/catalog-client';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import { priceCart, type PricedCart, type ShippingRule } from './cart-pricing';
import { assertQuantity, assertSku, isCartId, MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart-rules';
import type { CartLineEntity } from './cart-line.entity';
import type { CartEntity } from './cart.entity';
import { CartError, CartErrorCode } from './cart.errors';
import { toCartModel, type CartModel } from './cart.model';
import { CartRepository } from './cart.repository';

/** Whose cart: the signed-in user's, or a guest cart named by its id (null: none yet). */
export type CartOwner = { userId: string } | { guestCartId: string | null };

interface ChangedCart {
  cart: CartEntity;
  lines: CartLineEntity[];
}

const isUser = (owner: CartOwner): owner is { userId: string } => 'userId' in owner;

/**
 * Carts: one per signed-in user, guest carts by id, merged at login. Every change locks the cart
 * row, so concurrent requests on one cart never lose an update or exceed the quantity cap.
 * Rendering a cart records the prices shown, which is what checkout compares against.
 */
@Injectable()
export class CartService {
  readonly shipping: ShippingRule;

  constructor(
    private readonly tx: TransactionHost,
    private readonly carts: CartRepository,
    private readonly catalog: CatalogClient,
    private readonly events: EventPublisher,
    @InjectOrdersConfig() config: OrdersConfig,
  ) {
    this.shipping = { flatCents: config.SHIPPING_FLAT_CENTS, freeFromCents: config.FREE_SHIPPING_THRESHOLD_CENTS };
  }

  /** The caller's cart; a user's cart is created on first use, an unknown guest cart is null. */
  async get(owner: CartOwner): Promise<CartModel | null> {
    const cart = await this.find(owner, { create: true });
    return cart ? this.render(cart) : null;
  }

  async add(owner: CartOwner, sku: string, quantity: number): Promise<CartModel> {
    assertSku(sku);
    assertQuantity(quantity, 1);
    const variant = await this.variantOnSale(sku);
    const cart = (await this.find(owner, { create: true, createGuest: true }))!;
    const { cart: changed, lines: after } = await this.change(cart, async (lines) => {
      const existing = lines.find((line) => line.sku === sku);
      if (!existing && lines.length >= MAX_CART_LINES) {
        throw new CartError(CartErrorCode.CART_FULL, `a cart holds at most ${MAX_CART_LINES} different SKUs`, { field: 'sku' });
      }
      const total = (existing?.quantity ?? 0) + quantity;
      if (total > MAX_LINE_QUANTITY) {
        throw new CartError(CartErrorCode.INVALID_QUANTITY, `quantity: the cart would hold ${total} units; at most ${MAX_LINE_QUANTITY}`, {
          field: 'quantity',
        });
      }
      assertAvailable(variant, total);
      await this.carts.setLine(cart.id, sku, total, variant.priceCents);
    });
    return this.render(changed, after);
  }

  async update(owner: CartOwner, sku: string, quantity: number): Promise<CartModel> {
    assertSku(sku);
    assertQuantity(quantity, 0);
    const cart = await this.existing(owner);
    const variant = quantity > 0 ? await this.variantOnSale(sku) : null;
    const { cart: changed, lines: after } = await this.change(cart, async (lines) => {
      if (!lines.some((line) => line.sku === sku)) throw new CartError(CartErrorCode.LINE_NOT_FOUND, `${sku} is not in the cart`, { field: 'sku' });
      if (!variant) return this.carts.deleteLine(cart.id, sku);
      assertAvailable(variant, quantity);
      await this.carts.setLine(cart.id, sku, quantity, variant.priceCents);
    });
    return this.render(changed, after);
  }

  async remove(owner: CartOwner, sku: string): Promise<CartModel> {
    assertSku(sku);
    const cart = await this.existing(owner);
    const changed = await this.change(cart, () => this.carts.deleteLine(cart.id, sku));
    return this.render(changed.cart, changed.lines);
  }

  /**
   * Moves a guest cart into the user's cart (after login) and deletes it. Quantities of a SKU in
   * both carts are added (capped at 99). Merging a cart that is gone already changes nothing, so
   * the call is safe to repeat.
   */
  async mergeGuest(userId: string, guestCartId: string): Promise<CartModel> {
    let cart = (await this.find({ userId }, { create: true }))!;
    if (isCartId(guestCartId)) {
      cart = await this.tx.transaction(async () => {
        // Lock order: the user's cart, then the guest cart (every path that holds both does so).
        await this.carts.lock(cart.id);
        const guest = await this.carts.findGuest(guestCartId);
        if (!guest) return cart;
        await this.carts.lock(guest.id);
        await this.carts.copyLines(guest.id, cart.id, MAX_LINE_QUANTITY);
        await this.carts.deleteGuest(guest.id);
        return { ...cart, updatedAt: await this.afterChange(cart) };
      });
    }
    return this.render(cart);
  }

  /** Prices the cart, records the prices as shown, and maps it for GraphQL. */
  async render(cart: CartEntity, knownLines?: CartLineEntity[]): Promise<CartModel> {
    const lines = knownLines ?? (await this.carts.lines(cart.id));
    const priced = await this.price(lines);
    const unseen = priced.lines.filter((line) => line.unitPriceCents !== null && line.unitPriceCents !== line.seenUnitPriceCents);
    if (unseen.length > 0) {
      await this.carts.setSeenPrices(cart.id, unseen.map((line) => ({ sku: line.sku, unitPriceCents: line.unitPriceCents! })));
    }
    return toCartModel(cart, priced, this.shipping);
  }

  async price(lines: ReadonlyArray<{ sku: string; quantity: number; seenUnitPriceCents: number | null }>): Promise<PricedCart> {
    const variants = lines.length ? await this.catalogCall(() => this.catalog.variants(lines.map((line) => line.sku))) : new Map();
    return priceCart(lines, variants, this.shipping);
  }

  private async find(owner: CartOwner, options: { create: boolean; createGuest?: boolean }): Promise<CartEntity | null> {
    if (isUser(owner)) {
      return options.create ? this.carts.findOrCreateForUser(owner.userId, randomUUID()) : this.carts.findByUser(owner.userId);
    }
    if (owner.guestCartId === null || owner.guestCartId === undefined) {
      return options.createGuest ? this.carts.createGuest(randomUUID()) : null;
    }
    const cart = isCartId(owner.guestCartId) ? await this.carts.findGuest(owner.guestCartId) : null;
    if (!cart && options.createGuest) throw new CartError(CartErrorCode.CART_NOT_FOUND, 'no such cart', { field: 'cartId' });
    return cart;
  }

  private async existing(owner: CartOwner): Promise<CartEntity> {
    if (!isUser(owner) && !owner.guestCartId) throw new CartError(CartErrorCode.CART_ID_REQUIRED, 'cartId: required when not signed in', { field: 'cartId' });
    const cart = await this.find(owner, { create: true });
    if (!cart) throw new CartError(CartErrorCode.CART_NOT_FOUND, 'no such cart', { field: 'cartId' });
    return cart;
  }

  /**
   * Runs `work` with the cart locked (stamping it takes the row lock) and its current lines,
   * then announces the change. Returns the stamped cart and its lines after the change.
   */
  private async change(cart: CartEntity, work: (lines: Array<{ sku: string; quantity: number }>) => Promise<void>): Promise<ChangedCart> {
    return this.tx.transaction(async () => {
      const updatedAt = await this.carts.touch(cart.id);
      await work(await this.carts.lines(cart.id));
      const lines = await this.carts.lines(cart.id);
      await this.announce(cart, lines, updatedAt);
      return { cart: { ...cart, updatedAt }, lines };
    });
  }

  /** Stamps a cart changed by someone else (merge, checkout) and announces it. Call inside a transaction. */
  async afterChange(cart: CartEntity): Promise<Date> {
    const updatedAt = await this.carts.touch(cart.id);
    await this.announce(cart, await this.carts.lines(cart.id), updatedAt);
    return updatedAt;
  }

  /** For a signed-in user, publishes CartUpdated (abandoned-cart reminders); guests have nobody to remind. */
  async announce(cart: CartEntity, lines: readonly CartLineEntity[], updatedAt: Date): Promise<void> {
    if (!isUserCart(cart)) return;
    await this.events.publish('orders.cart.updated.v1', {
      cartId: cart.id,
      userId: cart.userId!,
      lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      lastActivityAt: updatedAt.toISOString(),
    });
  }

  private async variantOnSale(sku: string): Promise<VariantSnapshotV1> {
    const variant = (await this.catalogCall(() => this.catalog.variants([sku]))).get(sku);
    if (!variant) throw new CartError(CartErrorCode.NOT_FOR_SALE, `sku: ${sku} is not on sale`, { field: 'sku' });
    return variant;
  }

  private async catalogCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof CatalogUnavailableError) {
        throw new CartError(CartErrorCode.CATALOG_UNAVAILABLE, 'The catalog is unavailable; try again in a moment.');
      }
      throw error;
    }
  }
}

const isUserCart = (cart: CartEntity) => cart.userId !== null;

function assertAvailable(variant: VariantSnapshotV1, quantity: number): void {
  if (variant.available < quantity) {
    throw new CartError(CartErrorCode.NOT_ENOUGH_STOCK, `quantity: only ${variant.available} units of ${variant.sku} are available`, {
      field: 'quantity',
      available: variant.available,
    });
  }
}

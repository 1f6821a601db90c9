import { Injectable, Logger } from '@nestjs/common';
import type { CallerIdentity } from '@mestres/auth';
import type { VariantSnapshotV1 } from '@mestres/contracts';
import type { OrdersConfig } from '../config';
import { priceCart } from '../cart/cart-pricing';
import type { CartLineEntity } from '../cart/cart-line.entity';
import { CartService } from '../cart/cart.service';
import { CatalogClient, CatalogUnavailableError } from '../shared/catalog-client';
import { MAX_GRAPHQL_CENTS } from '../shared/money';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import { OrderLifecycle } from '../orders/order-lifecycle.service';
import type { OrderEntity } from '../orders/order.entity';
import { TransitionActor } from '../orders/order-status.enum';
import { OrderTasksQueue, TasksUnavailableError } from '../tasks/order-tasks.queue';
import { CheckoutCart } from './checkout-cart';
import { CheckoutIdempotency, requestHash, type CheckoutLease } from './checkout-idempotency.service';
import type { CheckoutOutcome } from './checkout-outcome';
import { CheckoutPayment } from './checkout-payment';
import { CheckoutError, CheckoutErrorCode } from './checkout.errors';
import type { CheckoutInput } from './checkout.input';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_:.-]{8,100}$/;

/** Failure before any order existed: the key is freed so a retry starts afresh. */
class NothingDurable extends Error {}

/**
 * The checkout saga: (1) claim the idempotency key, (2) snapshot prices (PriceChanged when they
 * moved since the cart was shown), (3) schedule the payment deadline, (4) reserve stock in the
 * catalog (InsufficientStock), (5) create the order PENDING_PAYMENT, (6) charge. Payment success
 * makes it PAID and commits the stock; a decline or provider failure cancels it and releases the
 * stock. Every step is idempotent per order id, so a retry after a crash resumes safely.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly idempotency: CheckoutIdempotency,
    private readonly cart: CheckoutCart,
    private readonly cartService: CartService,
    private readonly catalog: CatalogClient,
    private readonly tasks: OrderTasksQueue,
    private readonly lifecycle: OrderLifecycle,
    private readonly payment: CheckoutPayment,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  async checkout(caller: CallerIdentity, input: CheckoutInput): Promise<CheckoutOutcome> {
    if (typeof input.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
      throw new CheckoutError(CheckoutErrorCode.INVALID_IDEMPOTENCY_KEY, 'idempotencyKey: 8 to 100 letters, digits, -, _, : or .', {
        field: 'input.idempotencyKey',
      });
    }
    const paymentToken = input.paymentToken?.trim() ?? '';
    if (paymentToken.length < 1 || paymentToken.length > 200) {
      throw new CheckoutError(CheckoutErrorCode.INVALID_PAYMENT_TOKEN, 'paymentToken: required, at most 200 characters', { field: 'input.paymentToken' });
    }
    const admission = await this.idempotency.admit(caller.userId, input.idempotencyKey, requestHash({ paymentToken }));
    if (admission.kind === 'replay') return admission.outcome;
    const lease = admission.lease;
    let outcome: CheckoutOutcome;
    try {
      outcome = await this.run(lease, paymentToken);
    } catch (error) {
      if (error instanceof NothingDurable) {
        await this.idempotency.release(lease);
        throw error.cause;
      }
      await this.idempotency.abandon(lease).catch(() => undefined);
      throw error;
    }
    await this.idempotency.complete(lease, outcome);
    return outcome;
  }

  private async run(initial: CheckoutLease, paymentToken: string): Promise<CheckoutOutcome> {
    let lease = initial;
    if (lease.takenOver) {
      const existing = await this.payment.findOrder(lease.orderKey);
      if (existing) return this.payment.resume(existing, paymentToken);
      // The crashed attempt may hold a reservation under the old id; its expiry job releases it.
      lease = await this.idempotency.rekey(lease);
    }
    const { userId, orderKey } = lease;
    const lines = await this.cart.linesOf(userId);
    if (lines.length === 0) return { type: 'CartEmpty' };

    const variants = await this.beforeOrder(() => this.catalog.variants(lines.map((line) => line.sku)));
    const notForSale = lines.filter((line) => !variants.has(line.sku));
    if (notForSale.length > 0) {
      return { type: 'InsufficientStock', shortages: notForSale.map((line) => ({ sku: line.sku, requested: line.quantity, available: 0 })) };
    }
    const changes = priceChanges(lines, variants);
    if (changes.length > 0) {
      await this.cart.markPricesSeen(userId, changes.map((change) => ({ sku: change.sku, unitPriceCents: change.unitPriceCents })));
      return { type: 'PriceChanged', changes };
    }
    const priced = priceCart(lines, variants, this.cartService.shipping);
    if (priced.totalCents > MAX_GRAPHQL_CENTS) {
      throw new NothingDurable('too large', { cause: new CheckoutError(CheckoutErrorCode.ORDER_TOO_LARGE, 'The order total is above what can be paid in one checkout.') });
    }

    const paymentExpiresAt = new Date(orderKey.createdAt.getTime() + this.config.ORDER_PAYMENT_TTL_SECONDS * 1000);
    // Scheduled before reserving: whatever happens next, the reservation is released eventually.
    await this.beforeOrder(() => this.tasks.scheduleExpiry(orderKey.id, paymentExpiresAt));
    const reservation = await this.beforeOrder(
      () => this.catalog.reserve(orderKey.id, lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))),
      () => this.catalog.release(orderKey.id),
    );
    if (!reservation.ok) {
      void this.tasks.cancelExpiry(orderKey.id);
      return { type: 'InsufficientStock', shortages: reservation.shortages };
    }

    let order: OrderEntity;
    try {
      order = await this.lifecycle.place(
        {
          key: orderKey,
          userId,
          subtotalCents: priced.subtotalCents,
          shippingCents: priced.shippingCents,
          totalCents: priced.totalCents,
          paymentExpiresAt,
          paymentProvider: this.payment.providerName,
          lines: priced.lines.map((line) => ({
            sku: line.sku,
            productId: line.variant!.productId,
            kind: line.variant!.kind,
            name: line.variant!.name,
            variantName: line.variant!.variantName,
            quantity: line.quantity,
            unitPriceCents: line.unitPriceCents!,
          })),
        },
        { type: TransitionActor.CUSTOMER, id: userId },
      );
    } catch (error) {
      await this.catalog.release(orderKey.id).catch(() => undefined);
      throw new NothingDurable('order not created', { cause: error });
    }
    return this.payment.pay(order, paymentToken, lines.map((line) => line.sku));
  }

  /**
   * Runs a step that precedes the order; an unavailable dependency frees the key (nothing durable
   * happened) after `undo`, best effort.
   */
  private async beforeOrder<T>(step: () => Promise<T>, undo?: () => Promise<void>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof CatalogUnavailableError) && !(error instanceof TasksUnavailableError)) throw error;
      this.logger.warn(`checkout step failed: ${error.message}`);
      await undo?.().catch(() => undefined);
      throw new NothingDurable(error.message, {
        cause: new CheckoutError(CheckoutErrorCode.CHECKOUT_UNAVAILABLE, 'Checkout is unavailable right now; nothing was charged. Try again in a moment with the same key.'),
      });
    }
  }
}

function priceChanges(lines: readonly CartLineEntity[], variants: ReadonlyMap<string, VariantSnapshotV1>) {
  return lines
    .filter((line) => line.seenUnitPriceCents !== variants.get(line.sku)!.priceCents)
    .map((line) => ({
      sku: line.sku,
      previousUnitPriceCents: line.seenUnitPriceCents ?? variants.get(line.sku)!.priceCents,
      unitPriceCents: variants.get(line.sku)!.priceCents,
    }));
}

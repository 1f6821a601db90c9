import { CartError, CartErrorCode } from './cart.errors';

export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

const SKU = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Same shape the catalog gives SKUs; anything else cannot be on sale. */
export function assertSku(sku: string, field = 'sku'): void {
  if (typeof sku !== 'string' || sku.length > 64 || !SKU.test(sku)) {
    throw new CartError(CartErrorCode.INVALID_SKU, `${field}: not a SKU`, { field });
  }
}

export function assertQuantity(quantity: number, min: 0 | 1, field = 'quantity'): void {
  if (!Number.isInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new CartError(CartErrorCode.INVALID_QUANTITY, `${field}: must be a whole number from ${min} to ${MAX_LINE_QUANTITY}`, { field });
  }
}

export const isCartId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

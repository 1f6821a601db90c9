import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum CartErrorCode {
  INVALID_SKU = 'INVALID_SKU',
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  NOT_FOR_SALE = 'NOT_FOR_SALE',
  NOT_ENOUGH_STOCK = 'NOT_ENOUGH_STOCK',
  CART_FULL = 'CART_FULL',
  /** Anonymous callers must name their guest cart. */
  CART_ID_REQUIRED = 'CART_ID_REQUIRED',
  CART_NOT_FOUND = 'CART_NOT_FOUND',
  LINE_NOT_FOUND = 'LINE_NOT_FOUND',
  CATALOG_UNAVAILABLE = 'CATALOG_UNAVAILABLE',
}

const toGraphql: Record<CartErrorCode, GraphqlErrorCode> = {
  INVALID_SKU: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_QUANTITY: GraphqlErrorCode.BAD_USER_INPUT,
  NOT_FOR_SALE: GraphqlErrorCode.BAD_USER_INPUT,
  NOT_ENOUGH_STOCK: GraphqlErrorCode.BAD_USER_INPUT,
  CART_FULL: GraphqlErrorCode.BAD_USER_INPUT,
  CART_ID_REQUIRED: GraphqlErrorCode.BAD_USER_INPUT,
  CART_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  LINE_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  CATALOG_UNAVAILABLE: GraphqlErrorCode.SERVICE_UNAVAILABLE,
};

export class CartError extends DomainError<CartErrorCode> {
  constructor(code: CartErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

import { DomainError, type DomainErrorDetails, GraphqlErrorCode } from '@mestres/graphql';

export enum ProductsErrorCode {
  PRODUCT_NOT_FOUND = 'PRODUCT_NOT_FOUND',
  VARIANT_NOT_FOUND = 'VARIANT_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  SLUG_TAKEN = 'SLUG_TAKEN',
  SKU_TAKEN = 'SKU_TAKEN',
}

const toGraphql: Record<ProductsErrorCode, GraphqlErrorCode> = {
  PRODUCT_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  VARIANT_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
  SLUG_TAKEN: GraphqlErrorCode.CONFLICT,
  SKU_TAKEN: GraphqlErrorCode.CONFLICT,
};

/** Failures of product reads and admin writes; `details.field` names the input at fault. */
export class ProductsError extends DomainError<ProductsErrorCode> {
  constructor(code: ProductsErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }

  static invalid(field: string, message: string): ProductsError {
    return new ProductsError(ProductsErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
  }
}

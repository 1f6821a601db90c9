import { DomainError, type DomainErrorDetails, GraphqlErrorCode } from '@mestres/graphql';

export enum StockErrorCode {
  SKU_NOT_FOUND = 'SKU_NOT_FOUND',
  RESERVATION_NOT_FOUND = 'RESERVATION_NOT_FOUND',
  RESERVATION_ALREADY_RELEASED = 'RESERVATION_ALREADY_RELEASED',
  RESERVATION_ALREADY_COMMITTED = 'RESERVATION_ALREADY_COMMITTED',
  INVALID_INPUT = 'INVALID_INPUT',
  BELOW_RESERVED = 'BELOW_RESERVED',
}

const toGraphql: Record<StockErrorCode, GraphqlErrorCode> = {
  SKU_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  RESERVATION_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  RESERVATION_ALREADY_RELEASED: GraphqlErrorCode.CONFLICT,
  RESERVATION_ALREADY_COMMITTED: GraphqlErrorCode.CONFLICT,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
  BELOW_RESERVED: GraphqlErrorCode.CONFLICT,
};

/** Stock and reservation failures. Shortages are not errors: reserve() returns them. */
export class StockError extends DomainError<StockErrorCode> {
  constructor(code: StockErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

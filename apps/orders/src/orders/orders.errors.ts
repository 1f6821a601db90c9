import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum OrdersErrorCode {
  /** Missing, or not the caller's: the two are indistinguishable on purpose. */
  ORDER_NOT_FOUND = 'ORDER_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** Two writers raced on one order; the loser may retry. */
  CONCURRENT_UPDATE = 'CONCURRENT_UPDATE',
  INVALID_TRACKING_CODE = 'INVALID_TRACKING_CODE',
  INVALID_REASON = 'INVALID_REASON',
  INVALID_REFUND_AMOUNT = 'INVALID_REFUND_AMOUNT',
  NOTHING_TO_REFUND = 'NOTHING_TO_REFUND',
  INVALID_FILTER = 'INVALID_FILTER',
  PAYMENT_PROVIDER_UNAVAILABLE = 'PAYMENT_PROVIDER_UNAVAILABLE',
}

const toGraphql: Record<OrdersErrorCode, GraphqlErrorCode> = {
  ORDER_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  INVALID_TRANSITION: GraphqlErrorCode.CONFLICT,
  CONCURRENT_UPDATE: GraphqlErrorCode.CONFLICT,
  INVALID_TRACKING_CODE: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_REASON: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_REFUND_AMOUNT: GraphqlErrorCode.BAD_USER_INPUT,
  NOTHING_TO_REFUND: GraphqlErrorCode.CONFLICT,
  INVALID_FILTER: GraphqlErrorCode.BAD_USER_INPUT,
  PAYMENT_PROVIDER_UNAVAILABLE: GraphqlErrorCode.SERVICE_UNAVAILABLE,
};

export class OrdersError extends DomainError<OrdersErrorCode> {
  constructor(code: OrdersErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

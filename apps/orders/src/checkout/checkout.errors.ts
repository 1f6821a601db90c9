import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum CheckoutErrorCode {
  INVALID_IDEMPOTENCY_KEY = 'INVALID_IDEMPOTENCY_KEY',
  INVALID_PAYMENT_TOKEN = 'INVALID_PAYMENT_TOKEN',
  /** The key was used with a different request body. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** Another request with this key is still running; retry with the same key shortly. */
  CHECKOUT_IN_PROGRESS = 'CHECKOUT_IN_PROGRESS',
  ORDER_TOO_LARGE = 'ORDER_TOO_LARGE',
  /** The catalog or the task queue is unavailable; nothing was charged, retry with the same key. */
  CHECKOUT_UNAVAILABLE = 'CHECKOUT_UNAVAILABLE',
}

const toGraphql: Record<CheckoutErrorCode, GraphqlErrorCode> = {
  INVALID_IDEMPOTENCY_KEY: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_PAYMENT_TOKEN: GraphqlErrorCode.BAD_USER_INPUT,
  IDEMPOTENCY_KEY_REUSED: GraphqlErrorCode.CONFLICT,
  CHECKOUT_IN_PROGRESS: GraphqlErrorCode.CONFLICT,
  ORDER_TOO_LARGE: GraphqlErrorCode.BAD_USER_INPUT,
  CHECKOUT_UNAVAILABLE: GraphqlErrorCode.SERVICE_UNAVAILABLE,
};

export class CheckoutError extends DomainError<CheckoutErrorCode> {
  constructor(code: CheckoutErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

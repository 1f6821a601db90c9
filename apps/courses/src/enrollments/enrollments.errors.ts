import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum EnrollmentsErrorCode {
  /** A paid order line sells a seat no class is linked to: the message is retried, then dead-lettered. */
  UNKNOWN_SEAT_SKU = 'UNKNOWN_SEAT_SKU',
  /** A paid order names a buyer that cannot be a user id. */
  INVALID_STUDENT = 'INVALID_STUDENT',
}

const toGraphql: Record<EnrollmentsErrorCode, GraphqlErrorCode> = {
  UNKNOWN_SEAT_SKU: GraphqlErrorCode.INTERNAL_SERVER_ERROR,
  INVALID_STUDENT: GraphqlErrorCode.INTERNAL_SERVER_ERROR,
};

/** Failures of enrollment from orders: data problems an admin must fix, then replay the event. */
export class EnrollmentsError extends DomainError<EnrollmentsErrorCode> {
  constructor(code: EnrollmentsErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum SessionsErrorCode {
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  SEAT_SKU_TAKEN = 'SEAT_SKU_TAKEN',
  CAPACITY_BELOW_SEATS_TAKEN = 'CAPACITY_BELOW_SEATS_TAKEN',
  SESSION_HAS_ENROLLMENTS = 'SESSION_HAS_ENROLLMENTS',
}

const toGraphql: Record<SessionsErrorCode, GraphqlErrorCode> = {
  SESSION_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
  SEAT_SKU_TAKEN: GraphqlErrorCode.CONFLICT,
  CAPACITY_BELOW_SEATS_TAKEN: GraphqlErrorCode.CONFLICT,
  SESSION_HAS_ENROLLMENTS: GraphqlErrorCode.CONFLICT,
};

/** Failures of class reads and admin writes; `details.field` names the input at fault. */
export class SessionsError extends DomainError<SessionsErrorCode> {
  constructor(code: SessionsErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }

  static invalid(field: string, message: string): SessionsError {
    return new SessionsError(SessionsErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
  }

  static notFound(field = 'id'): SessionsError {
    return new SessionsError(SessionsErrorCode.SESSION_NOT_FOUND, 'Class not found', { field });
  }
}

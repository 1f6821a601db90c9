import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum ProgressErrorCode {
  /** Lessons count only for students with a confirmed seat in the course. */
  NOT_ENROLLED = 'NOT_ENROLLED',
  INVALID_INPUT = 'INVALID_INPUT',
}

const toGraphql: Record<ProgressErrorCode, GraphqlErrorCode> = {
  NOT_ENROLLED: GraphqlErrorCode.FORBIDDEN,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
};

export class ProgressError extends DomainError<ProgressErrorCode> {
  constructor(code: ProgressErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }

  static invalid(field: string, message: string): ProgressError {
    return new ProgressError(ProgressErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
  }
}

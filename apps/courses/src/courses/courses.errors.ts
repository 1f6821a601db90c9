import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum CoursesErrorCode {
  COURSE_NOT_FOUND = 'COURSE_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  SLUG_TAKEN = 'SLUG_TAKEN',
  PRODUCT_ALREADY_LINKED = 'PRODUCT_ALREADY_LINKED',
}

const toGraphql: Record<CoursesErrorCode, GraphqlErrorCode> = {
  COURSE_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
  SLUG_TAKEN: GraphqlErrorCode.CONFLICT,
  PRODUCT_ALREADY_LINKED: GraphqlErrorCode.CONFLICT,
};

/** Failures of course reads and admin writes; `details.field` names the input at fault. */
export class CoursesError extends DomainError<CoursesErrorCode> {
  constructor(code: CoursesErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }

  static invalid(field: string, message: string): CoursesError {
    return new CoursesError(CoursesErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
  }

  static notFound(field = 'id'): CoursesError {
    return new CoursesError(CoursesErrorCode.COURSE_NOT_FOUND, 'Course not found', { field });
  }
}

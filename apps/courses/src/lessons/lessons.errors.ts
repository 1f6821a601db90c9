import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum LessonsErrorCode {
  LESSON_NOT_FOUND = 'LESSON_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
}

const toGraphql: Record<LessonsErrorCode, GraphqlErrorCode> = {
  LESSON_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  INVALID_INPUT: GraphqlErrorCode.BAD_USER_INPUT,
};

/** Failures of lesson reads and writes; `details.field` names the input at fault. */
export class LessonsError extends DomainError<LessonsErrorCode> {
  constructor(code: LessonsErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }

  static invalid(field: string, message: string): LessonsError {
    return new LessonsError(LessonsErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
  }

  static notFound(field: string): LessonsError {
    return new LessonsError(LessonsErrorCode.LESSON_NOT_FOUND, 'Lesson not found', { field });
  }
}

import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum JobsErrorCode {
  JOB_NOT_FOUND = 'JOB_NOT_FOUND',
  JOB_NOT_FAILED = 'JOB_NOT_FAILED',
}

const toGraphql: Record<JobsErrorCode, GraphqlErrorCode> = {
  JOB_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
  JOB_NOT_FAILED: GraphqlErrorCode.CONFLICT,
};

export class JobsError extends DomainError<JobsErrorCode> {
  constructor(code: JobsErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum UsersErrorCode {
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_NAME = 'INVALID_NAME',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_ROLES = 'INVALID_ROLES',
  /** An admin tried to remove their own ADMIN role (would lock the shop out). */
  CANNOT_REMOVE_OWN_ADMIN_ROLE = 'CANNOT_REMOVE_OWN_ADMIN_ROLE',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
}

const toGraphql: Record<UsersErrorCode, GraphqlErrorCode> = {
  INVALID_EMAIL: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_NAME: GraphqlErrorCode.BAD_USER_INPUT,
  EMAIL_TAKEN: GraphqlErrorCode.CONFLICT,
  WEAK_PASSWORD: GraphqlErrorCode.BAD_USER_INPUT,
  INVALID_ROLES: GraphqlErrorCode.BAD_USER_INPUT,
  CANNOT_REMOVE_OWN_ADMIN_ROLE: GraphqlErrorCode.BAD_USER_INPUT,
  USER_NOT_FOUND: GraphqlErrorCode.NOT_FOUND,
};

export class UsersError extends DomainError<UsersErrorCode> {
  constructor(code: UsersErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

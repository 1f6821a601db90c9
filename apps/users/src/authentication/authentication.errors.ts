import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

export enum AuthenticationErrorCode {
  /** Unknown email or wrong password: one code and message for both, so emails cannot be probed. */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** Unknown, expired or revoked refresh token. */
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  /** An already rotated refresh token was presented again: the whole session is now revoked. */
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  /** The identity carries no session (logout needs to know which one). */
  SESSION_UNKNOWN = 'SESSION_UNKNOWN',
}

const toGraphql: Record<AuthenticationErrorCode, GraphqlErrorCode> = {
  INVALID_CREDENTIALS: GraphqlErrorCode.UNAUTHENTICATED,
  TOO_MANY_ATTEMPTS: GraphqlErrorCode.TOO_MANY_REQUESTS,
  INVALID_REFRESH_TOKEN: GraphqlErrorCode.UNAUTHENTICATED,
  REFRESH_TOKEN_REUSED: GraphqlErrorCode.UNAUTHENTICATED,
  WRONG_CURRENT_PASSWORD: GraphqlErrorCode.BAD_USER_INPUT,
  SESSION_UNKNOWN: GraphqlErrorCode.UNAUTHENTICATED,
};

export class AuthenticationError extends DomainError<AuthenticationErrorCode> {
  constructor(code: AuthenticationErrorCode, message: string, details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

export const invalidCredentials = () =>
  new AuthenticationError(AuthenticationErrorCode.INVALID_CREDENTIALS, 'Invalid email or password');

export const invalidRefreshToken = () =>
  new AuthenticationError(AuthenticationErrorCode.INVALID_REFRESH_TOKEN, 'Invalid or expired refresh token; sign in again');

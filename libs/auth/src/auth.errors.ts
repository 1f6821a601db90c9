import { DomainError, GraphqlErrorCode, type DomainErrorDetails } from '@mestres/graphql';

/** Why a request was refused authentication or authorization. */
export enum AuthErrorCode {
  /** Anonymous caller on an operation or field that needs a signed-in user. */
  AUTHENTICATION_REQUIRED = 'AUTHENTICATION_REQUIRED',
  /** Identity headers present but forged, malformed or stale (not sent by the gateway). */
  IDENTITY_INVALID = 'IDENTITY_INVALID',
  /** Signed in, but lacks the role or does not own the resource. */
  FORBIDDEN = 'FORBIDDEN',
  ACCESS_TOKEN_MALFORMED = 'ACCESS_TOKEN_MALFORMED',
  ACCESS_TOKEN_EXPIRED = 'ACCESS_TOKEN_EXPIRED',
  ACCESS_TOKEN_INVALID_SIGNATURE = 'ACCESS_TOKEN_INVALID_SIGNATURE',
  /** `alg` is `none`, symmetric, or otherwise not on the allow-list. */
  ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED = 'ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED',
  /** No `kid`, or a `kid` that is not in the verification key set. */
  ACCESS_TOKEN_UNKNOWN_KEY = 'ACCESS_TOKEN_UNKNOWN_KEY',
  ACCESS_TOKEN_WRONG_ISSUER = 'ACCESS_TOKEN_WRONG_ISSUER',
  ACCESS_TOKEN_WRONG_AUDIENCE = 'ACCESS_TOKEN_WRONG_AUDIENCE',
  /** Logged out, refresh token reused, password or roles changed since it was issued. */
  ACCESS_TOKEN_REVOKED = 'ACCESS_TOKEN_REVOKED',
}

const toGraphql: Record<AuthErrorCode, GraphqlErrorCode> = {
  AUTHENTICATION_REQUIRED: GraphqlErrorCode.UNAUTHENTICATED,
  IDENTITY_INVALID: GraphqlErrorCode.UNAUTHENTICATED,
  FORBIDDEN: GraphqlErrorCode.FORBIDDEN,
  ACCESS_TOKEN_MALFORMED: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_EXPIRED: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_INVALID_SIGNATURE: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_UNKNOWN_KEY: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_WRONG_ISSUER: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_WRONG_AUDIENCE: GraphqlErrorCode.UNAUTHENTICATED,
  ACCESS_TOKEN_REVOKED: GraphqlErrorCode.UNAUTHENTICATED,
};

const defaultMessages: Record<AuthErrorCode, string> = {
  AUTHENTICATION_REQUIRED: 'Authentication required',
  IDENTITY_INVALID: 'Invalid caller identity',
  FORBIDDEN: 'Not allowed',
  ACCESS_TOKEN_MALFORMED: 'Invalid access token',
  ACCESS_TOKEN_EXPIRED: 'Access token expired',
  ACCESS_TOKEN_INVALID_SIGNATURE: 'Invalid access token',
  ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED: 'Invalid access token',
  ACCESS_TOKEN_UNKNOWN_KEY: 'Invalid access token',
  ACCESS_TOKEN_WRONG_ISSUER: 'Invalid access token',
  ACCESS_TOKEN_WRONG_AUDIENCE: 'Invalid access token',
  ACCESS_TOKEN_REVOKED: 'Access token revoked',
};

/**
 * Authentication and authorization failures. Every code maps to UNAUTHENTICATED except
 * FORBIDDEN; messages are deliberately generic so they never reveal whether a resource exists.
 * `code` (sent to clients as `extensions.reason`) says exactly why, for logs and for the
 * client's "refresh the token?" decision.
 */
export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string = defaultMessages[code], details?: DomainErrorDetails) {
    super(code, toGraphql[code], message, details);
  }
}

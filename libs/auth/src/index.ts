export { Role, isRole } from './role';
export type { CallerIdentity } from './caller-identity';
export { AuthError, AuthErrorCode } from './auth.errors';
export { assertAuthenticated, assertRoles, assertOwnerOrAdmin, isOwnerOrAdmin, hasRole } from './assertions';
export {
  signIdentity,
  verifyIdentityHeaders,
  signClientIp,
  verifyClientIpHeaders,
  signGatewayHeaders,
  IDENTITY_HEADER,
  IDENTITY_SIGNATURE_HEADER,
  CLIENT_IP_HEADER,
  CLIENT_IP_SIGNATURE_HEADER,
  GATEWAY_INTERNAL_HEADERS,
  SIGNED_HEADER_MAX_AGE_MS,
  type IncomingHeaders,
} from './identity/identity-headers';
export {
  ACCESS_TOKEN_ALGORITHMS,
  ACCESS_TOKEN_TYPE,
  type AccessTokenAlgorithm,
  type AccessTokenClaims,
} from './tokens/access-token-claims';
export {
  accessTokenSignerConfigSchema,
  accessTokenVerifierConfigSchema,
  loadAccessTokenSigningKey,
  loadAccessTokenVerificationKeys,
  devAccessTokenVerificationKeys,
  AccessTokenKeyConfigError,
  type AccessTokenSigningKey,
} from './tokens/access-token-keys';
export { DEV_ACCESS_TOKEN_KEY_ID } from './tokens/dev-keys';
export {
  AccessTokenSigner,
  type AccessTokenSignerOptions,
  type AccessTokenSubject,
  type SignedAccessToken,
} from './tokens/access-token-signer';
export { verifyAccessToken, type VerifyAccessTokenOptions } from './tokens/verify-access-token';
export { isAccessTokenRevoked, markSessionsRevoked, raiseMinimumTokenVersion, revocationKeys } from './tokens/revocation';
export { AuthModule } from './nest/auth.module';
export { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './nest/auth-module-options';
export { AuthGuard, AUTH_REQUIREMENT, type AuthRequirement } from './nest/auth.guard';
export { CallerResolver } from './nest/caller-resolver';
export { CurrentUser, ClientIp, Authenticated, Roles, CallerPipe, ClientIpPipe } from './nest/decorators';
export { requestFromContext, type AuthRequest } from './nest/request-from-context';

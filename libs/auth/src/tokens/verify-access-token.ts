import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { isRole } from '../role';
import { ACCESS_TOKEN_ALGORITHMS, ACCESS_TOKEN_TYPE, type AccessTokenClaims } from './access-token-claims';

export interface VerifyAccessTokenOptions {
  issuer: string;
  audience: string;
  /** Accepted clock skew between signer and verifier (default 5 s). */
  clockToleranceSeconds?: number;
  /** Verification time, for tests. */
  currentDate?: Date;
}

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

// Imported keys are cached per key set object, so pass the same (parsed-once) set every time.
const resolvers = new WeakMap<JSONWebKeySet, KeyResolver>();

function resolverFor(jwks: JSONWebKeySet): KeyResolver {
  let resolver = resolvers.get(jwks);
  if (!resolver) {
    resolver = createLocalJWKSet(jwks);
    resolvers.set(jwks, resolver);
  }
  return resolver;
}

const fail = (code: AuthErrorCode) => new AuthError(code);

function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return fail(AuthErrorCode.ACCESS_TOKEN_EXPIRED);
  if (error instanceof errors.JWSSignatureVerificationFailed) return fail(AuthErrorCode.ACCESS_TOKEN_INVALID_SIGNATURE);
  if (error instanceof errors.JOSEAlgNotAllowed) return fail(AuthErrorCode.ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED);
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return fail(AuthErrorCode.ACCESS_TOKEN_UNKNOWN_KEY);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return fail(AuthErrorCode.ACCESS_TOKEN_WRONG_ISSUER);
    if (error.claim === 'aud') return fail(AuthErrorCode.ACCESS_TOKEN_WRONG_AUDIENCE);
    return fail(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
  }
  if (error instanceof errors.JOSEError) return fail(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
  throw error;
}

function toClaims(payload: JWTPayload, kid: string): AccessTokenClaims {
  const { sub, roles, sid, ver, iat, exp, jti } = payload as JWTPayload & { roles?: unknown; sid?: unknown; ver?: unknown };
  const valid =
    typeof sub === 'string' &&
    sub !== '' &&
    Array.isArray(roles) &&
    roles.every(isRole) &&
    typeof sid === 'string' &&
    sid !== '' &&
    typeof ver === 'number' &&
    Number.isInteger(ver) &&
    typeof iat === 'number' &&
    typeof exp === 'number' &&
    typeof jti === 'string';
  if (!valid) throw fail(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
  return { sub, roles, sid, ver, iat, exp, jti, kid };
}

/**
 * Verifies an access token against the public key set: signature by the key named in the
 * `kid` header, algorithm on the allow-list (EdDSA, ES256; never `none` or HMAC), `typ`,
 * issuer, audience, expiry, and the claims' shape.
 *
 * Revocation is separate (it needs Redis): call {@link isAccessTokenRevoked} next.
 *
 * @param jwks the parsed `JWT_PUBLIC_KEYS` (see `loadAccessTokenVerificationKeys`); pass the
 *   same object on every call so imported keys are cached.
 * @throws AuthError (UNAUTHENTICATED) whose `code` says why: ACCESS_TOKEN_EXPIRED,
 *   ACCESS_TOKEN_INVALID_SIGNATURE, ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED, ACCESS_TOKEN_UNKNOWN_KEY,
 *   ACCESS_TOKEN_WRONG_ISSUER, ACCESS_TOKEN_WRONG_AUDIENCE or ACCESS_TOKEN_MALFORMED.
 */
export async function verifyAccessToken(
  token: string,
  jwks: JSONWebKeySet,
  options: VerifyAccessTokenOptions,
): Promise<AccessTokenClaims> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw fail(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
  }
  // Checked before any key lookup: `none` and HS256-with-the-public-key never reach a verifier.
  if (!(ACCESS_TOKEN_ALGORITHMS as readonly string[]).includes(String(header.alg))) {
    throw fail(AuthErrorCode.ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED);
  }
  // Without a kid jose would try any key of the right type; we want explicit key selection.
  if (typeof header.kid !== 'string' || header.kid === '') throw fail(AuthErrorCode.ACCESS_TOKEN_UNKNOWN_KEY);
  try {
    const { payload } = await jwtVerify(token, resolverFor(jwks), {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [...ACCESS_TOKEN_ALGORITHMS],
      typ: ACCESS_TOKEN_TYPE,
      clockTolerance: options.clockToleranceSeconds ?? 5,
      currentDate: options.currentDate,
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    });
    return toClaims(payload, header.kid);
  } catch (error) {
    throw toAuthError(error);
  }
}

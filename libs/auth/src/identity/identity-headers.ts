import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { AuthError, AuthErrorCode } from '../auth.errors';
import type { CallerIdentity } from '../caller-identity';
import { isRole } from '../role';

/** base64url JSON `{ sub, roles, sid?, iat }`, `iat` in epoch milliseconds. */
export const IDENTITY_HEADER = 'x-mestres-identity';
/** Hex HMAC-SHA256 of the {@link IDENTITY_HEADER} value, keyed with INTERNAL_AUTH_SECRET. */
export const IDENTITY_SIGNATURE_HEADER = 'x-mestres-identity-sig';
/** base64url JSON `{ ip, iat }`: the end user's IP as the gateway saw it. */
export const CLIENT_IP_HEADER = 'x-mestres-client-ip';
/** Hex HMAC-SHA256 of `client-ip:<CLIENT_IP_HEADER value>`. */
export const CLIENT_IP_SIGNATURE_HEADER = 'x-mestres-client-ip-sig';

/**
 * Headers only the gateway may set. The gateway deletes every one of them from inbound
 * requests before signing its own, so a client can never smuggle them through.
 */
export const GATEWAY_INTERNAL_HEADERS: readonly string[] = [
  IDENTITY_HEADER,
  IDENTITY_SIGNATURE_HEADER,
  CLIENT_IP_HEADER,
  CLIENT_IP_SIGNATURE_HEADER,
];

/** How long signed headers stay valid: enough for a slow federated plan, too short to hoard. */
export const SIGNED_HEADER_MAX_AGE_MS = 60_000;
/** Tolerated clock skew for timestamps from the future (gateway and subgraph clocks differ). */
const FUTURE_SKEW_MS = 5_000;

/** Header bag as Node, Fastify and Express expose it (names lower-cased). */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

function encode(payload: object): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function invalid(why: string): AuthError {
  return new AuthError(AuthErrorCode.IDENTITY_INVALID, 'Invalid caller identity', { why });
}

/**
 * Reads and authenticates one signed header pair. Returns the decoded payload, `null` when
 * neither header is present, and throws IDENTITY_INVALID for anything else.
 */
function readSigned(
  headers: IncomingHeaders,
  names: { value: string; signature: string },
  signingInput: (value: string) => string,
  secret: string,
  now: number,
): Record<string, unknown> | null {
  const value = headers[names.value];
  const signature = headers[names.signature];
  if (value === undefined && signature === undefined) return null;
  if (typeof value !== 'string' || value === '') throw invalid('missing value');
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) throw invalid('missing or malformed signature');
  const expected = Buffer.from(hmacHex(secret, signingInput(value)), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw invalid('bad signature');

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid('undecodable value');
  }
  if (typeof payload !== 'object' || payload === null) throw invalid('not an object');
  const iat = (payload as { iat?: unknown }).iat;
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw invalid('no timestamp');
  if (now - iat > SIGNED_HEADER_MAX_AGE_MS) throw invalid('stale');
  if (iat - now > FUTURE_SKEW_MS) throw invalid('from the future');
  return payload as Record<string, unknown>;
}

/**
 * Signs a caller identity for subgraphs (gateway side). Returns the two headers to add to the
 * subgraph request: {@link IDENTITY_HEADER} and {@link IDENTITY_SIGNATURE_HEADER}.
 *
 * @param now epoch milliseconds, for tests.
 */
export function signIdentity(identity: CallerIdentity, secret: string, now: number = Date.now()): Record<string, string> {
  const value = encode({ sub: identity.userId, roles: identity.roles, sid: identity.sessionId, iat: now });
  return { [IDENTITY_HEADER]: value, [IDENTITY_SIGNATURE_HEADER]: hmacHex(secret, value) };
}

/**
 * Authenticates the identity headers of an incoming subgraph request.
 *
 * @returns the caller, or `null` when no identity header was sent (anonymous request).
 * @throws AuthError IDENTITY_INVALID (UNAUTHENTICATED) when a header is present but the
 *   signature is missing or wrong, the payload malformed, or the timestamp older than
 *   {@link SIGNED_HEADER_MAX_AGE_MS}: such a request did not come from the gateway.
 */
export function verifyIdentityHeaders(headers: IncomingHeaders, secret: string, now: number = Date.now()): CallerIdentity | null {
  const payload = readSigned(headers, { value: IDENTITY_HEADER, signature: IDENTITY_SIGNATURE_HEADER }, (value) => value, secret, now);
  if (payload === null) return null;
  const { sub, roles, sid } = payload;
  if (typeof sub !== 'string' || sub === '') throw invalid('no subject');
  if (!Array.isArray(roles) || !roles.every(isRole)) throw invalid('bad roles');
  if (sid !== undefined && (typeof sid !== 'string' || sid === '')) throw invalid('bad session');
  return { userId: sub, roles: [...new Set(roles)], ...(sid ? { sessionId: sid } : {}) };
}

/**
 * Signs the end user's IP for subgraphs (gateway side), e.g. for login throttling. Sent on
 * every request, anonymous ones included, which is why it is not part of the identity.
 */
export function signClientIp(ip: string, secret: string, now: number = Date.now()): Record<string, string> {
  const value = encode({ ip, iat: now });
  return { [CLIENT_IP_HEADER]: value, [CLIENT_IP_SIGNATURE_HEADER]: hmacHex(secret, `client-ip:${value}`) };
}

/**
 * Authenticates the client IP headers: the IP, `null` when absent, IDENTITY_INVALID when
 * present but not signed by the gateway (same rules as {@link verifyIdentityHeaders}).
 */
export function verifyClientIpHeaders(headers: IncomingHeaders, secret: string, now: number = Date.now()): string | null {
  const payload = readSigned(
    headers,
    { value: CLIENT_IP_HEADER, signature: CLIENT_IP_SIGNATURE_HEADER },
    (value) => `client-ip:${value}`,
    secret,
    now,
  );
  if (payload === null) return null;
  if (typeof payload.ip !== 'string' || isIP(payload.ip) === 0) throw invalid('bad ip');
  return payload.ip;
}

/**
 * Everything the gateway adds to a subgraph request: the signed identity (signed-in callers
 * only) and the signed client IP (always). Strip {@link GATEWAY_INTERNAL_HEADERS} from the
 * inbound request first.
 */
export function signGatewayHeaders(
  context: { identity: CallerIdentity | null; clientIp: string },
  secret: string,
  now: number = Date.now(),
): Record<string, string> {
  return {
    ...(context.identity ? signIdentity(context.identity, secret, now) : {}),
    ...signClientIp(context.clientIp, secret, now),
  };
}

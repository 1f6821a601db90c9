import { createHmac } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { Role } from '../role';
import {
  CLIENT_IP_HEADER,
  IDENTITY_HEADER,
  IDENTITY_SIGNATURE_HEADER,
  signClientIp,
  signGatewayHeaders,
  signIdentity,
  verifyClientIpHeaders,
  verifyIdentityHeaders,
} from './identity-headers';

const SECRET = 'a-test-internal-secret-of-enough-length';
const NOW = 1_800_000_000_000;
const caller = { userId: 'user-1', roles: [Role.CUSTOMER], sessionId: 'session-1' };

const invalidIdentity = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return error instanceof AuthError && error.code === AuthErrorCode.IDENTITY_INVALID && error.graphqlCode === 'UNAUTHENTICATED';
  }
  return false;
};

describe(verifyIdentityHeaders.name, () => {
  it('returns the identity the gateway signed', () => {
    expect(verifyIdentityHeaders(signIdentity(caller, SECRET, NOW), SECRET, NOW + 1_000)).toEqual(caller);
  });

  it('returns null (anonymous) when no identity header is present', () => {
    expect(verifyIdentityHeaders({ 'content-type': 'application/json' }, SECRET, NOW)).toBeNull();
  });

  it('rejects an identity signed with another secret', () => {
    const forged = signIdentity({ ...caller, roles: [Role.ADMIN] }, 'attacker-guessed-secret-000000000000', NOW);
    expect(invalidIdentity(() => verifyIdentityHeaders(forged, SECRET, NOW))).toBe(true);
  });

  it('rejects an identity whose payload was changed after signing', () => {
    const headers = signIdentity(caller, SECRET, NOW);
    const tampered = Buffer.from(JSON.stringify({ sub: 'user-1', roles: ['ADMIN'], iat: NOW })).toString('base64url');
    expect(invalidIdentity(() => verifyIdentityHeaders({ ...headers, [IDENTITY_HEADER]: tampered }, SECRET, NOW))).toBe(true);
  });

  it('rejects an identity without a signature', () => {
    const headers = signIdentity(caller, SECRET, NOW);
    expect(invalidIdentity(() => verifyIdentityHeaders({ [IDENTITY_HEADER]: headers[IDENTITY_HEADER] }, SECRET, NOW))).toBe(true);
  });

  it('rejects a signature without an identity', () => {
    const headers = signIdentity(caller, SECRET, NOW);
    expect(invalidIdentity(() => verifyIdentityHeaders({ [IDENTITY_SIGNATURE_HEADER]: headers[IDENTITY_SIGNATURE_HEADER] }, SECRET, NOW))).toBe(true);
  });

  it('rejects an identity older than 60 seconds and one from the future', () => {
    const headers = signIdentity(caller, SECRET, NOW);
    expect(verifyIdentityHeaders(headers, SECRET, NOW + 60_000)).toEqual(caller);
    expect(invalidIdentity(() => verifyIdentityHeaders(headers, SECRET, NOW + 60_001))).toBe(true);
    expect(invalidIdentity(() => verifyIdentityHeaders(headers, SECRET, NOW - 10_000))).toBe(true);
  });

  it('rejects correctly signed payloads that are not identities', () => {
    const sign = (payload: unknown) => {
      const value = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return { [IDENTITY_HEADER]: value, [IDENTITY_SIGNATURE_HEADER]: createHmac('sha256', SECRET).update(value).digest('hex') };
    };
    for (const payload of [{ sub: 'u', roles: ['ROOT'], iat: NOW }, { roles: [], iat: NOW }, { sub: 'u', roles: [] }, 'text']) {
      expect(invalidIdentity(() => verifyIdentityHeaders(sign(payload), SECRET, NOW))).toBe(true);
    }
  });

  it('rejects duplicated identity headers', () => {
    const headers = signIdentity(caller, SECRET, NOW);
    expect(invalidIdentity(() => verifyIdentityHeaders({ ...headers, [IDENTITY_HEADER]: [headers[IDENTITY_HEADER], 'x'] }, SECRET, NOW))).toBe(true);
  });
});

describe(verifyClientIpHeaders.name, () => {
  it('returns the signed IP, null when absent, and rejects a forged one', () => {
    expect(verifyClientIpHeaders(signClientIp('2001:db8::1', SECRET, NOW), SECRET, NOW)).toBe('2001:db8::1');
    expect(verifyClientIpHeaders({}, SECRET, NOW)).toBeNull();
    const forged = { ...signClientIp('203.0.113.1', SECRET, NOW), [CLIENT_IP_HEADER]: signClientIp('10.0.0.1', SECRET, NOW)[CLIENT_IP_HEADER] + 'x' };
    expect(invalidIdentity(() => verifyClientIpHeaders(forged, SECRET, NOW))).toBe(true);
  });

  it('does not accept an identity signature as a client IP signature', () => {
    const value = Buffer.from(JSON.stringify({ ip: '203.0.113.1', iat: NOW })).toString('base64url');
    const identityStyle = { [CLIENT_IP_HEADER]: value, 'x-mestres-client-ip-sig': createHmac('sha256', SECRET).update(value).digest('hex') };
    expect(invalidIdentity(() => verifyClientIpHeaders(identityStyle, SECRET, NOW))).toBe(true);
  });
});

describe(signGatewayHeaders.name, () => {
  it('signs the client IP always and the identity only for signed-in callers', () => {
    const anonymous = signGatewayHeaders({ identity: null, clientIp: '203.0.113.9' }, SECRET, NOW);
    expect(verifyIdentityHeaders(anonymous, SECRET, NOW)).toBeNull();
    expect(verifyClientIpHeaders(anonymous, SECRET, NOW)).toBe('203.0.113.9');
    const signedIn = signGatewayHeaders({ identity: caller, clientIp: '203.0.113.9' }, SECRET, NOW);
    expect(verifyIdentityHeaders(signedIn, SECRET, NOW)).toEqual(caller);
  });
});

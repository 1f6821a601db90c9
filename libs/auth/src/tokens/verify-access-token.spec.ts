import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT, exportJWK, importJWK, type JSONWebKeySet } from 'jose';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { Role } from '../role';
import { AccessTokenSigner } from './access-token-signer';
import { devAccessTokenVerificationKeys, loadAccessTokenSigningKey, type AccessTokenSigningKey } from './access-token-keys';
import { verifyAccessToken } from './verify-access-token';

const OPTIONS = { issuer: 'mestres-cafe-users', audience: 'mestres-cafe-api' };
const SUBJECT = { userId: 'user-1', roles: [Role.CUSTOMER], sessionId: 'session-1', tokenVersion: 1 };

async function newSigningKey(kid: string, type: 'ed25519' | 'ec' = 'ed25519'): Promise<AccessTokenSigningKey> {
  const { privateKey } = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return loadAccessTokenSigningKey({ NODE_ENV: 'test', JWT_PRIVATE_KEY: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }) });
}

const codeOf = async (attempt: Promise<unknown>): Promise<string> => {
  try {
    await attempt;
    return 'verified';
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
};

describe(verifyAccessToken.name, () => {
  let key: AccessTokenSigningKey;
  let jwks: JSONWebKeySet;
  let signer: AccessTokenSigner;

  beforeAll(async () => {
    key = await newSigningKey('key-2026-01');
    jwks = { keys: [key.publicJwk] };
    signer = new AccessTokenSigner(key, { ...OPTIONS, ttlSeconds: 300 });
  });

  it('returns the claims of a valid token', async () => {
    const { token } = await signer.sign(SUBJECT);
    await expect(verifyAccessToken(token, jwks, OPTIONS)).resolves.toMatchObject({
      sub: 'user-1',
      roles: ['CUSTOMER'],
      sid: 'session-1',
      ver: 1,
      kid: 'key-2026-01',
    });
  });

  it('rejects an expired token', async () => {
    const { token } = await signer.sign(SUBJECT, new Date(Date.now() - 3_600_000));
    expect(await codeOf(verifyAccessToken(token, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_EXPIRED);
  });

  it('rejects a token whose payload was tampered with', async () => {
    const { token } = await signer.sign(SUBJECT);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...SUBJECT, sub: 'user-1', roles: ['ADMIN'], sid: 's', ver: 1, iss: OPTIONS.issuer, aud: OPTIONS.audience, iat: 1, exp: 9_999_999_999, jti: 'j' })).toString('base64url');
    expect(await codeOf(verifyAccessToken(`${header}.${payload}.${signature}`, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_INVALID_SIGNATURE);
  });

  it('rejects a token signed by another key that claims a known kid', async () => {
    const impostor = await newSigningKey('key-2026-01');
    const { token } = await new AccessTokenSigner(impostor, { ...OPTIONS, ttlSeconds: 300 }).sign(SUBJECT);
    expect(await codeOf(verifyAccessToken(token, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_INVALID_SIGNATURE);
  });

  it('rejects alg "none"', async () => {
    const token = new UnsecuredJWT({ roles: ['ADMIN'], sid: 's', ver: 1 })
      .setSubject('user-1')
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    expect(await codeOf(verifyAccessToken(token, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED);
  });

  it('rejects HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const token = await new SignJWT({ roles: ['ADMIN'], sid: 's', ver: 1 })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-2026-01', typ: 'at+jwt' })
      .setSubject('user-1')
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('j')
      .sign(secret);
    expect(await codeOf(verifyAccessToken(token, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_ALGORITHM_NOT_ALLOWED);
  });

  it('rejects an unknown kid and a missing kid', async () => {
    const stranger = await newSigningKey('key-unknown');
    const { token } = await new AccessTokenSigner(stranger, { ...OPTIONS, ttlSeconds: 300 }).sign(SUBJECT);
    expect(await codeOf(verifyAccessToken(token, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_UNKNOWN_KEY);

    const noKid = await new SignJWT({ roles: ['CUSTOMER'], sid: 's', ver: 1 })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
      .setSubject('user-1')
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('j')
      .sign(key.privateKey);
    expect(await codeOf(verifyAccessToken(noKid, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_UNKNOWN_KEY);
  });

  it('rejects a wrong issuer and a wrong audience', async () => {
    const other = async (options: { issuer: string; audience: string }) =>
      (await new AccessTokenSigner(key, { ...options, ttlSeconds: 300 }).sign(SUBJECT)).token;
    expect(await codeOf(verifyAccessToken(await other({ ...OPTIONS, issuer: 'evil' }), jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_WRONG_ISSUER);
    expect(await codeOf(verifyAccessToken(await other({ ...OPTIONS, audience: 'other-api' }), jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_WRONG_AUDIENCE);
  });

  it('rejects a JWT of another type and garbage', async () => {
    const idToken = await new SignJWT({ roles: ['CUSTOMER'], sid: 's', ver: 1 })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'key-2026-01', typ: 'JWT' })
      .setSubject('user-1')
      .setIssuer(OPTIONS.issuer)
      .setAudience(OPTIONS.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .setJti('j')
      .sign(key.privateKey);
    expect(await codeOf(verifyAccessToken(idToken, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
    expect(await codeOf(verifyAccessToken('garbage', jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_MALFORMED);
  });

  it('accepts tokens of every key in the set during a rotation (EdDSA and ES256)', async () => {
    const next = await newSigningKey('key-2026-07', 'ec');
    const rotating = { keys: [key.publicJwk, next.publicJwk] };
    const old = (await signer.sign(SUBJECT)).token;
    const fresh = (await new AccessTokenSigner(next, { ...OPTIONS, ttlSeconds: 300 }).sign(SUBJECT)).token;
    expect((await verifyAccessToken(old, rotating, OPTIONS)).kid).toBe('key-2026-01');
    expect((await verifyAccessToken(fresh, rotating, OPTIONS)).kid).toBe('key-2026-07');
    expect(await codeOf(verifyAccessToken(fresh, jwks, OPTIONS))).toBe(AuthErrorCode.ACCESS_TOKEN_UNKNOWN_KEY);
  });

  it('verifies tokens of the dev key with the dev key set', async () => {
    const devKey = await loadAccessTokenSigningKey({ NODE_ENV: 'development' });
    const { token } = await new AccessTokenSigner(devKey, { ...OPTIONS, ttlSeconds: 300 }).sign(SUBJECT);
    expect((await verifyAccessToken(token, devAccessTokenVerificationKeys(), OPTIONS)).sub).toBe('user-1');
  });

  it('keeps working with keys exported by jose itself', async () => {
    const jwk = await exportJWK(await importJWK(key.publicJwk, 'EdDSA'));
    expect((await verifyAccessToken((await signer.sign(SUBJECT)).token, { keys: [{ ...jwk, kid: 'key-2026-01' }] }, OPTIONS)).sub).toBe('user-1');
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { AccessTokenKeyConfigError, devAccessTokenVerificationKeys, loadAccessTokenSigningKey, loadAccessTokenVerificationKeys } from './access-token-keys';
import { DEV_ACCESS_TOKEN_KEY_ID, DEV_ACCESS_TOKEN_PRIVATE_JWK } from './dev-keys';

describe(loadAccessTokenSigningKey.name, () => {
  it('uses the dev key outside production and refuses it in production', async () => {
    await expect(loadAccessTokenSigningKey({ NODE_ENV: 'development' })).resolves.toMatchObject({ kid: DEV_ACCESS_TOKEN_KEY_ID, alg: 'EdDSA' });
    await expect(loadAccessTokenSigningKey({ NODE_ENV: 'production' })).rejects.toThrow('JWT_PRIVATE_KEY is required in production');
    await expect(
      loadAccessTokenSigningKey({ NODE_ENV: 'production', JWT_PRIVATE_KEY: JSON.stringify(DEV_ACCESS_TOKEN_PRIVATE_JWK) }),
    ).rejects.toThrow(/development key/);
  });

  it('loads a PKCS#8 PEM (one-line with \\n escapes too) named by JWT_KEY_ID', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const key = await loadAccessTokenSigningKey({ NODE_ENV: 'production', JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n'), JWT_KEY_ID: 'prod-1' });
    expect(key).toMatchObject({ kid: 'prod-1', alg: 'ES256', publicJwk: { kty: 'EC', crv: 'P-256', kid: 'prod-1' } });
    expect(key.publicJwk).not.toHaveProperty('d');
    await expect(loadAccessTokenSigningKey({ NODE_ENV: 'production', JWT_PRIVATE_KEY: pem })).rejects.toThrow('JWT_KEY_ID is required');
  });

  it('refuses RSA keys and public keys', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    await expect(loadAccessTokenSigningKey({ NODE_ENV: 'test', JWT_PRIVATE_KEY: JSON.stringify({ ...rsa, kid: 'r' }) })).rejects.toThrow(AccessTokenKeyConfigError);
    const { d: _d, ...publicOnly } = DEV_ACCESS_TOKEN_PRIVATE_JWK;
    await expect(loadAccessTokenSigningKey({ NODE_ENV: 'test', JWT_PRIVATE_KEY: JSON.stringify(publicOnly) })).rejects.toThrow(/private JWK/);
  });
});

describe(loadAccessTokenVerificationKeys.name, () => {
  it('uses the dev public key outside production and requires keys in production', () => {
    expect(loadAccessTokenVerificationKeys({ NODE_ENV: 'test' })).toEqual(devAccessTokenVerificationKeys());
    expect(() => loadAccessTokenVerificationKeys({ NODE_ENV: 'production' })).toThrow('JWT_PUBLIC_KEYS is required in production');
    expect(() => loadAccessTokenVerificationKeys({ NODE_ENV: 'production', JWT_PUBLIC_KEYS: JSON.stringify(devAccessTokenVerificationKeys()) })).toThrow(
      /development key/,
    );
  });

  it('refuses private keys, missing or duplicate kids and malformed sets', () => {
    const publicJwk = (kid?: string) => ({ ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), ...(kid ? { kid } : {}) });
    const load = (value: unknown) => () => loadAccessTokenVerificationKeys({ NODE_ENV: 'test', JWT_PUBLIC_KEYS: JSON.stringify(value) });
    expect(load({ keys: [DEV_ACCESS_TOKEN_PRIVATE_JWK] })).toThrow(/private key/);
    expect(load({ keys: [publicJwk()] })).toThrow(/no "kid"/);
    expect(load({ keys: [publicJwk('a'), publicJwk('a')] })).toThrow(/duplicate kid/);
    expect(load([])).toThrow(/JSON Web Key Set/);
    expect(() => loadAccessTokenVerificationKeys({ NODE_ENV: 'test', JWT_PUBLIC_KEYS: '{not json' })).toThrow(/not valid JSON/);
    expect(load({ keys: [publicJwk('a'), publicJwk('b')] })().keys.map((key) => [key.kid, key.alg])).toEqual([['a', 'EdDSA'], ['b', 'EdDSA']]);
  });
});

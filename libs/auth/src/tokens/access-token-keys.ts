import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { importJWK, importPKCS8, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { env, z } from '@mestres/config';
import type { AccessTokenAlgorithm } from './access-token-claims';
import { DEV_ACCESS_TOKEN_KEY_ID, DEV_ACCESS_TOKEN_PRIVATE_JWK } from './dev-keys';

/** Issuer and audience every access token carries; the gateway checks both. */
const claimsShape = {
  JWT_ISSUER: z.string().min(1).default('mestres-cafe-users'),
  JWT_AUDIENCE: z.string().min(1).default('mestres-cafe-api'),
};

/**
 * Config keys of the service that signs access tokens (users). Extend the app schema with
 * `.extend(accessTokenSignerConfigSchema.shape)`.
 *
 * - `JWT_PRIVATE_KEY`: the active signing key, a private JWK as JSON (Ed25519 `OKP` or P-256
 *   `EC`, with `kid`) or a PKCS#8 PEM (then `JWT_KEY_ID` names it). Unset: the committed dev
 *   key, refused in production.
 * - `JWT_ACCESS_TOKEN_TTL_SECONDS`: access token lifetime (default 300, at most 3600). Revocation
 *   markers in Redis live this long too.
 */
export const accessTokenSignerConfigSchema = z.object({
  ...claimsShape,
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_KEY_ID: z.string().min(1).optional(),
  JWT_ACCESS_TOKEN_TTL_SECONDS: env.int(300, 30).pipe(z.number().max(3600)),
});

/**
 * Config keys of the service that verifies access tokens (gateway).
 *
 * - `JWT_PUBLIC_KEYS`: JSON Web Key Set (`{"keys":[...]}`) of every public key still accepted,
 *   each with a unique `kid`. Rotation: add the new key here, deploy, switch the signer's
 *   `JWT_PRIVATE_KEY`, and drop the old key once its last token has expired. Unset: the dev
 *   public key, refused in production.
 */
export const accessTokenVerifierConfigSchema = z.object({
  ...claimsShape,
  JWT_PUBLIC_KEYS: z.string().optional(),
});

/** The active signing key. */
export interface AccessTokenSigningKey {
  kid: string;
  alg: AccessTokenAlgorithm;
  privateKey: CryptoKey;
  /** Its public half, for a JWKS document or tests. */
  publicJwk: JWK;
}

type NodeEnv = 'development' | 'test' | 'production';

/** Thrown at boot when the key configuration is unusable; the message names the key. */
export class AccessTokenKeyConfigError extends Error {
  override readonly name = 'AccessTokenKeyConfigError';
}

function algorithmOf(key: KeyObject): AccessTokenAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new AccessTokenKeyConfigError(
    `JWT key type ${key.asymmetricKeyType ?? key.type} is not supported; use Ed25519 (EdDSA) or P-256 (ES256)`,
  );
}

function publicJwkOf(key: KeyObject, kid: string, alg: AccessTokenAlgorithm): JWK {
  const { kty, crv, x, y } = createPublicKey(key).export({ format: 'jwk' });
  return { kty, crv, x, ...(y ? { y } : {}), kid, alg, use: 'sig' } as JWK;
}

/**
 * Loads the signing key from `JWT_PRIVATE_KEY` (JWK JSON or PKCS#8 PEM). Outside production
 * an unset key falls back to the committed dev key; in production that key is refused.
 */
export async function loadAccessTokenSigningKey(config: {
  NODE_ENV: NodeEnv;
  JWT_PRIVATE_KEY?: string;
  JWT_KEY_ID?: string;
}): Promise<AccessTokenSigningKey> {
  const production = config.NODE_ENV === 'production';
  const raw = config.JWT_PRIVATE_KEY?.trim();
  if (!raw) {
    if (production) throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY is required in production');
    return importPrivateJwk(DEV_ACCESS_TOKEN_PRIVATE_JWK);
  }
  const key = raw.startsWith('{') ? await importPrivateJwk(parseJson<JWK>(raw, 'JWT_PRIVATE_KEY'), config.JWT_KEY_ID) : await importPrivatePem(raw, config.JWT_KEY_ID);
  if (production && key.kid === DEV_ACCESS_TOKEN_KEY_ID) {
    throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY is the development key, which is refused in production');
  }
  return key;
}

async function importPrivateJwk(jwk: JWK, kidOverride?: string): Promise<AccessTokenSigningKey> {
  if (typeof jwk.d !== 'string') throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY must be a private JWK (with "d")');
  const kid = kidOverride ?? jwk.kid;
  if (!kid) throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY has no "kid"; add one or set JWT_KEY_ID');
  let nodeKey: KeyObject;
  try {
    nodeKey = createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY is not a valid private JWK');
  }
  const alg = algorithmOf(nodeKey);
  const privateKey = (await importJWK({ ...jwk, kid, alg }, alg)) as CryptoKey;
  return { kid, alg, privateKey, publicJwk: publicJwkOf(nodeKey, kid, alg) };
}

async function importPrivatePem(raw: string, kid: string | undefined): Promise<AccessTokenSigningKey> {
  if (!kid) throw new AccessTokenKeyConfigError('JWT_KEY_ID is required when JWT_PRIVATE_KEY is a PEM');
  // Env files often carry PEMs on one line with literal "\n".
  const pem = raw.replace(/\\n/g, '\n');
  let nodeKey: KeyObject;
  try {
    nodeKey = createPrivateKey(pem);
  } catch {
    throw new AccessTokenKeyConfigError('JWT_PRIVATE_KEY is neither a JWK nor a PKCS#8 PEM private key');
  }
  const alg = algorithmOf(nodeKey);
  const pkcs8 = nodeKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { kid, alg, privateKey: await importPKCS8(pkcs8, alg), publicJwk: publicJwkOf(nodeKey, kid, alg) };
}

/** The dev public key set, matching the dev signing key. */
export function devAccessTokenVerificationKeys(): JSONWebKeySet {
  const { d: _private, ...publicJwk } = DEV_ACCESS_TOKEN_PRIVATE_JWK;
  return { keys: [publicJwk] };
}

/**
 * Parses and checks `JWT_PUBLIC_KEYS`: every key public, of an allowed algorithm, with a unique
 * `kid`. Outside production an unset value falls back to the dev public key; in production it
 * is required and may not contain the dev key.
 */
export function loadAccessTokenVerificationKeys(config: { NODE_ENV: NodeEnv; JWT_PUBLIC_KEYS?: string }): JSONWebKeySet {
  const production = config.NODE_ENV === 'production';
  const raw = config.JWT_PUBLIC_KEYS?.trim();
  if (!raw) {
    if (production) throw new AccessTokenKeyConfigError('JWT_PUBLIC_KEYS is required in production');
    return devAccessTokenVerificationKeys();
  }
  const jwks = parseJson<JSONWebKeySet>(raw, 'JWT_PUBLIC_KEYS');
  if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) {
    throw new AccessTokenKeyConfigError('JWT_PUBLIC_KEYS must be a JSON Web Key Set: {"keys":[...]}');
  }
  const kids = new Set<string>();
  const keys = jwks.keys.map((jwk, index) => {
    const where = `JWT_PUBLIC_KEYS key ${index}`;
    if (!jwk.kid) throw new AccessTokenKeyConfigError(`${where} has no "kid"`);
    if (kids.has(jwk.kid)) throw new AccessTokenKeyConfigError(`${where}: duplicate kid ${jwk.kid}`);
    kids.add(jwk.kid);
    if ('d' in jwk) throw new AccessTokenKeyConfigError(`${where} (${jwk.kid}) is a private key; publish only public keys`);
    if (production && jwk.kid === DEV_ACCESS_TOKEN_KEY_ID) {
      throw new AccessTokenKeyConfigError(`${where} is the development key, which is refused in production`);
    }
    let alg: AccessTokenAlgorithm;
    try {
      alg = algorithmOf(createPublicKey({ key: jwk, format: 'jwk' }));
    } catch (error) {
      if (error instanceof AccessTokenKeyConfigError) throw new AccessTokenKeyConfigError(`${where}: ${error.message}`);
      throw new AccessTokenKeyConfigError(`${where} (${jwk.kid}) is not a valid public JWK`);
    }
    if (jwk.alg && jwk.alg !== alg) throw new AccessTokenKeyConfigError(`${where} (${jwk.kid}): alg ${jwk.alg} does not match the key type`);
    return { ...jwk, alg, use: 'sig' };
  });
  return { keys };
}

function parseJson<T>(raw: string, key: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new AccessTokenKeyConfigError(`${key} is not valid JSON`);
  }
}


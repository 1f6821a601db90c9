import type { JWK } from 'jose';

/**
 * DEVELOPMENT-ONLY signing key, committed on purpose so a fresh checkout runs without setup.
 * Anyone can mint admin tokens with it: the key loaders refuse it when NODE_ENV=production.
 */
export const DEV_ACCESS_TOKEN_KEY_ID = 'dev-only-insecure-2026';

export const DEV_ACCESS_TOKEN_PRIVATE_JWK: JWK = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: 'cn5TN3SpefeItzszwTpDpNZMzLJ61ronVFby_UVK2jQ',
  d: '54DqRLnxtbfYyIewV3Ik6IGsUWFqSFgFV_4jMMhL3Bk',
  kid: DEV_ACCESS_TOKEN_KEY_ID,
  alg: 'EdDSA',
  use: 'sig',
};

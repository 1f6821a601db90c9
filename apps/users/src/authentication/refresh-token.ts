import { createHash, randomBytes } from 'node:crypto';

const REFRESH_TOKEN_BYTES = 32;
const REFRESH_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A new opaque refresh token (32 random bytes, base64url) and the hash that is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** SHA-256 is enough here: the token has 256 bits of entropy, so nothing can be brute-forced. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWellFormedRefreshToken(token: string): boolean {
  return REFRESH_TOKEN_FORMAT.test(token);
}

import type { Redis } from 'ioredis';
import type { AccessTokenClaims } from './access-token-claims';

/**
 * Revocation markers, shared by the users service (writes) and the gateway (reads). Keys are
 * relative to the ioredis `keyPrefix`, so both must use a client with the same prefix
 * (`RedisModule.forRoot({ keyPrefix: config.REDIS_PREFIX })`). Each marker lives as long as an
 * access token can, after which the token it targets has expired anyway.
 */
export const revocationKeys = {
  /** Present: every access token of that session is revoked (logout, refresh reuse, password change). */
  session: (sessionId: string) => `auth:revoked-session:${sessionId}`,
  /** Access tokens of that user with `ver` below this value are revoked (roles changed). */
  minimumTokenVersion: (userId: string) => `auth:min-token-version:${userId}`,
};

/**
 * True when the (already verified) access token was revoked: its session was logged out or
 * compromised, or the user's roles changed after it was issued. Costs one MGET.
 *
 * Throws when Redis fails; the caller decides whether to fail open or closed.
 */
export async function isAccessTokenRevoked(
  redis: Pick<Redis, 'mget'>,
  claims: Pick<AccessTokenClaims, 'sub' | 'sid' | 'ver'>,
): Promise<boolean> {
  const [sessionRevoked, minimumVersion] = await redis.mget(
    revocationKeys.session(claims.sid),
    revocationKeys.minimumTokenVersion(claims.sub),
  );
  if (sessionRevoked !== null) return true;
  return minimumVersion !== null && claims.ver < Number(minimumVersion);
}

/** Marks sessions revoked for `ttlSeconds` (at least the access token lifetime). */
export async function markSessionsRevoked(redis: Pick<Redis, 'multi'>, sessionIds: string[], ttlSeconds: number): Promise<void> {
  if (sessionIds.length === 0) return;
  const batch = redis.multi();
  for (const sessionId of sessionIds) batch.set(revocationKeys.session(sessionId), '1', 'EX', ttlSeconds);
  const results = await batch.exec();
  const failed = results?.find(([error]) => error);
  if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction aborted');
}

// Only ever raises the marker: a slow writer holding an older version must not lower it.
const RAISE_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return 1`;

/** Revokes every access token of `userId` whose `ver` is below `version`, for `ttlSeconds`. */
export async function raiseMinimumTokenVersion(
  redis: Pick<Redis, 'eval'>,
  userId: string,
  version: number,
  ttlSeconds: number,
): Promise<void> {
  await redis.eval(RAISE_SCRIPT, 1, revocationKeys.minimumTokenVersion(userId), String(version), String(ttlSeconds));
}

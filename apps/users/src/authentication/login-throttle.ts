import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AuthenticationError, AuthenticationErrorCode } from './authentication.errors';

export interface LoginThrottleLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/** A started attempt; hand it back on success so it stops counting as a failure. */
export interface LoginAttempt {
  keys: string[];
  member: string;
  emailKey: string;
}

/*
 * Sliding window per key (a sorted set of attempt timestamps). Atomically: drop entries older
 * than the window; if any key is at its limit, answer the milliseconds until its oldest
 * blocking entry leaves the window; otherwise record this attempt in every key and answer 0.
 * Recording before the password check (and removing on success) means a burst of parallel
 * guesses cannot all slip past the limit while their hashes are being computed.
 * KEYS: counters. ARGV: now ms, window ms, member, then one limit per key.
 */
const BEGIN_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local limit = tonumber(ARGV[3 + i])
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local until_free = tonumber(blocking[2]) + window - now
    if until_free > wait then wait = until_free end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 0`;

/**
 * Limits failed sign-ins per email and per client IP (default 5 and 20 per 15 minutes).
 * Unknown emails are throttled exactly like known ones. Emails are hashed in key names so
 * Redis holds no personal data.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records an attempt for `email` (normalised) and `ip`.
   * @throws AuthenticationError TOO_MANY_ATTEMPTS (TOO_MANY_REQUESTS) with `retryAfterSeconds`.
   */
  async begin(email: string, ip: string | null): Promise<LoginAttempt> {
    const emailKey = `auth:login-failures:email:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
    const keys = [emailKey];
    const limits = [this.limits.maxFailuresPerEmail];
    if (ip) {
      keys.push(`auth:login-failures:ip:${ip}`);
      limits.push(this.limits.maxFailuresPerIp);
    }
    const now = this.now();
    const member = `${now}:${randomBytes(6).toString('hex')}`;
    const waitMs = Number(
      await this.redis.eval(BEGIN_SCRIPT, keys.length, ...keys, now, this.limits.windowSeconds * 1000, member, ...limits),
    );
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AuthenticationError(
        AuthenticationErrorCode.TOO_MANY_ATTEMPTS,
        `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`,
        { retryAfterSeconds },
      );
    }
    return { keys, member, emailKey };
  }

  /** The attempt succeeded: it no longer counts, and the email's earlier failures are forgiven. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    const batch = this.redis.multi();
    for (const key of attempt.keys) batch.zrem(key, attempt.member);
    batch.del(attempt.emailKey);
    await batch.exec();
  }
}

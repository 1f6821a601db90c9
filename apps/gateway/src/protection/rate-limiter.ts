import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { InjectRedis, ThrottledWarning } from '@mestres/cache';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { tooManyRequests } from './protection.errors';
import { slidingWindowDecision } from './sliding-window';

export const RATE_LIMIT_SETTINGS = Symbol('RATE_LIMIT_SETTINGS');

export interface RateLimitSettings {
  enabled: boolean;
  windowSeconds: number;
  perIp: number;
  perUser: number;
}

/**
 * For each pair of keys (this window, previous window): counts this request in the current
 * window and reads both counts. One round trip for the IP and user counters together.
 * Keys get the client's prefix from ioredis; ARGV[1] is the window length in ms.
 */
const SCRIPT = `
local result = {}
for i = 1, #KEYS, 2 do
  local current = redis.call('INCR', KEYS[i])
  if current == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[1] * 2) end
  local previous = tonumber(redis.call('GET', KEYS[i + 1]) or '0')
  table.insert(result, current)
  table.insert(result, previous)
end
return result`;

interface RateLimitRedis extends Redis {
  gatewaySlidingWindow(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
}

/**
 * Sliding-window rate limits per client IP and per authenticated user, shared by every
 * gateway worker and pod through Redis. Refusal is a TOO_MANY_REQUESTS error (HTTP 429)
 * with `retry-after`. If Redis cannot answer, requests go through (fail open) and
 * `mestres_gateway_rate_limit_fail_open_total` counts them: an outage of the limiter must
 * not become an outage of the shop.
 */
@Injectable()
export class RateLimiter {
  private readonly warning = new ThrottledWarning(new Logger(RateLimiter.name), 30_000);
  private readonly redis: RateLimitRedis;
  /** The clock; tests replace it. */
  now: () => number = Date.now;

  constructor(
    @InjectRedis() redis: Redis,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
    private readonly metrics: GatewayMetrics,
  ) {
    if (typeof (redis as unknown as Partial<RateLimitRedis>).gatewaySlidingWindow !== 'function') {
      redis.defineCommand('gatewaySlidingWindow', { lua: SCRIPT });
    }
    this.redis = redis as unknown as RateLimitRedis;
  }

  /** Counts one request; throws TOO_MANY_REQUESTS when the IP or the user is over its limit. */
  async consume(clientIp: string, userId: string | undefined): Promise<void> {
    if (!this.settings.enabled) return;
    const windowMs = this.settings.windowSeconds * 1000;
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const elapsedMs = now - window * windowMs;
    const subjects: Array<{ limit: 'ip' | 'user'; id: string; max: number }> = [{ limit: 'ip', id: clientIp, max: this.settings.perIp }];
    if (userId) subjects.push({ limit: 'user', id: userId, max: this.settings.perUser });
    const keys = subjects.flatMap(({ limit, id }) => [`gateway:rl:${limit}:${id}:${window}`, `gateway:rl:${limit}:${id}:${window - 1}`]);

    let counts: number[];
    try {
      counts = await this.redis.gatewaySlidingWindow(keys.length, ...keys, windowMs);
    } catch (error) {
      this.metrics.rateLimitFailedOpen();
      this.warning.warn('rate limits not enforced (Redis unavailable); letting requests through', error);
      return;
    }
    for (const [index, subject] of subjects.entries()) {
      const decision = slidingWindowDecision({ current: counts[index * 2], previous: counts[index * 2 + 1], elapsedMs }, subject.max, windowMs);
      if (!decision.allowed) {
        this.metrics.rateLimitExceeded(subject.limit);
        throw tooManyRequests(decision.retryAfterSeconds, subject.limit);
      }
    }
  }
}

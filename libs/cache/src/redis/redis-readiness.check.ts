import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { withTimeout } from '../shared/with-timeout';
import { InjectRedis } from './redis.tokens';

const PING_TIMEOUT_MS = 500;

/**
 * Readiness probe for the shared Redis client. Shaped for the health registry
 * (`name` + `check()` that rejects when not ready) without depending on it; the app registers it.
 */
@Injectable()
export class RedisReadinessCheck {
  readonly name = 'redis';

  constructor(@InjectRedis() private readonly redis: Redis) {}

  /** Resolves when Redis answers PING promptly; rejects with a message safe to show in probes. */
  async check(): Promise<void> {
    if (this.redis.status !== 'ready') {
      throw new Error(`Redis connection is ${this.redis.status}`);
    }
    try {
      await withTimeout(this.redis.ping(), PING_TIMEOUT_MS, 'timed out');
    } catch (error) {
      throw new Error(`Redis PING failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

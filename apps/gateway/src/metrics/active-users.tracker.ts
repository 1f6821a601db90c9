import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Gauge, register } from 'prom-client';
import { InjectRedis } from '@mestres/cache';

const WINDOW_MINUTES = 5;
const FLUSH_INTERVAL_MS = 10_000;
/** Past this many pending ids the batch is written at once instead of waiting for the timer. */
const MAX_PENDING = 5_000;
const GAUGE_NAME = 'mestres_gateway_active_users';

/**
 * `mestres_gateway_active_users`: distinct authenticated users seen in the last five minutes,
 * across every gateway pod and worker. Each minute has a Redis HyperLogLog (about 12 KB
 * whatever the user count, 0.8% error); the gauge is the PFCOUNT of the union of the last
 * five. Ids are batched in memory and written every few seconds, so a request never waits
 * for Redis on their account. Every pod reports the same global value: aggregate with max().
 */
@Injectable()
export class ActiveUsersTracker implements OnModuleInit, OnModuleDestroy {
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  /** The clock; tests replace it. */
  now: () => number = Date.now;

  constructor(@InjectRedis() private readonly redis: Redis) {}

  onModuleInit(): void {
    activeUsersGauge();
    sources.add(this);
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    sources.delete(this);
    clearInterval(this.timer);
    await this.flush();
  }

  seen(userId: string): void {
    this.pending.add(userId);
    if (this.pending.size >= MAX_PENDING) void this.flush();
  }

  /** Writes the pending ids; best effort (a Redis outage only makes the gauge undercount). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending = new Set();
    const key = minuteKey(Math.floor(this.now() / 60_000));
    await this.redis
      .multi()
      .pfadd(key, ...ids)
      .expire(key, (WINDOW_MINUTES + 1) * 60)
      .exec()
      .catch(() => undefined);
  }

  /** Distinct users over the last five minutes, this one included. */
  async count(): Promise<number> {
    const minute = Math.floor(this.now() / 60_000);
    const keys = Array.from({ length: WINDOW_MINUTES }, (_, index) => minuteKey(minute - index));
    return this.redis.pfcount(...keys);
  }
}

function minuteKey(minute: number): string {
  return `gateway:active-users:${minute}`;
}

const sources = new Set<ActiveUsersTracker>();

function activeUsersGauge(): Gauge {
  return (
    (register.getSingleMetric(GAUGE_NAME) as Gauge | undefined) ??
    new Gauge({
      name: GAUGE_NAME,
      help: 'Distinct authenticated users seen by the gateway in the last 5 minutes (all pods)',
      aggregator: 'max',
      async collect() {
        const [source] = sources;
        if (!source) return;
        await source.flush();
        // A scrape must not fail because Redis hiccuped: keep the last value.
        const value = await source.count().catch(() => undefined);
        if (value !== undefined) this.set(value);
      },
    })
  );
}

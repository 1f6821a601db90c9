import { GraphQLError } from 'graphql';
import { closeRedisClient, createRedisClient } from '@mestres/cache';
import { GatewayMetrics } from '../../src/metrics/gateway-metrics';
import { RateLimiter } from '../../src/protection/rate-limiter';
import { redisTestClient } from './redis-test-client';

const settings = { enabled: true, windowSeconds: 60, perIp: 5, perUser: 3 };

async function rejection(call: Promise<void>): Promise<GraphQLError | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe(RateLimiter.name, () => {
  let client: Awaited<ReturnType<typeof redisTestClient>>;

  beforeAll(async () => {
    client = await redisTestClient();
  });

  afterAll(() => client.dispose());

  it('refuses an IP past its limit with TOO_MANY_REQUESTS, a 429 and retry-after', async () => {
    const limiter = new RateLimiter(client.redis, settings, new GatewayMetrics());
    limiter.now = () => 30_000; // the middle of a window
    for (let i = 0; i < 5; i++) await limiter.consume('203.0.113.1', undefined);
    const error = await rejection(limiter.consume('203.0.113.1', undefined));
    expect(error?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'ip' });
    const http = error?.extensions.http as unknown as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another IP is not affected.
    await expect(limiter.consume('203.0.113.2', undefined)).resolves.toBeUndefined();
  });

  it('limits a user across IPs, separately from the IP limit', async () => {
    const limiter = new RateLimiter(client.redis, settings, new GatewayMetrics());
    limiter.now = () => 90_000;
    for (let i = 0; i < 3; i++) await limiter.consume(`198.51.100.${i}`, 'user-1');
    const error = await rejection(limiter.consume('198.51.100.9', 'user-1'));
    expect(error?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'user' });
  });

  it('counts the previous window by the share of it still in the sliding window', async () => {
    const limiter = new RateLimiter(client.redis, settings, new GatewayMetrics());
    limiter.now = () => 150_000; // window 2, half way
    for (let i = 0; i < 5; i++) await limiter.consume('192.0.2.1', undefined);
    limiter.now = () => 210_000; // window 3, half way: 5 * 0.5 = 2.5 still count
    await limiter.consume('192.0.2.1', undefined);
    await limiter.consume('192.0.2.1', undefined);
    expect((await rejection(limiter.consume('192.0.2.1', undefined)))?.extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('lets requests through and counts it when Redis cannot be asked', async () => {
    const down = createRedisClient({ url: 'redis://127.0.0.1:1', connectionName: 'gateway-test-down' });
    const metrics = new GatewayMetrics();
    const failOpen = jest.spyOn(metrics, 'rateLimitFailedOpen');
    const limiter = new RateLimiter(down, { ...settings, perIp: 1 }, metrics);
    try {
      for (let i = 0; i < 3; i++) await limiter.consume('203.0.113.50', undefined);
      expect(failOpen).toHaveBeenCalledTimes(3);
    } finally {
      await closeRedisClient(down);
    }
  });
});

import { Global, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  CACHE_METRICS,
  CacheModule,
  CacheService,
  closeRedisClient,
  createBullConnectionOptions,
  createRedisClient,
  REDIS,
  RedisModule,
  RedisReadinessCheck,
  waitForRedisReady,
  type CacheMetricsSink,
  type CacheResult,
} from '@mestres/cache';
import { REDIS_URL, RedisTestContext } from './redis-test-context';

describe('Redis connection', () => {
  let redis: RedisTestContext;

  beforeEach(() => {
    redis = new RedisTestContext();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await redis.dispose();
  });

  describe(createRedisClient.name, () => {
    it('fails commands at once while Redis is unreachable instead of queueing them', async () => {
      const client = redis.unreachableClient();
      await expect(client.get('anything')).rejects.toThrow(/enableOfflineQueue/);
    });

    it('prefixes every key with keyPrefix', async () => {
      const client = await redis.client();
      await client.set('greeting', 'olá');
      await expect((await redis.raw()).get(`${redis.keyPrefix}greeting`)).resolves.toBe('olá');
    });

    it('speaks RESP3 and sets the connection name', async () => {
      const client = createRedisClient({ url: REDIS_URL, connectionName: 'cache-resp3-test' });
      try {
        await waitForRedisReady(client);
        const info = String(await client.client('INFO'));
        expect(info).toMatch(/resp=3/);
        expect(info).toMatch(/name=cache-resp3-test/);
      } finally {
        await closeRedisClient(client);
      }
    });
  });

  describe(RedisReadinessCheck.name, () => {
    it('passes when Redis answers PING', async () => {
      const check = new RedisReadinessCheck(await redis.client());
      expect(check.name).toBe('redis');
      await expect(check.check()).resolves.toBeUndefined();
    });

    it('fails without waiting when the client is not connected', async () => {
      const check = new RedisReadinessCheck(redis.unreachableClient());
      await expect(check.check()).rejects.toThrow(/Redis connection is (connecting|reconnecting)/);
    });

    it('fails when Redis stops answering', async () => {
      const proxy = await redis.freezableProxy();
      const check = new RedisReadinessCheck(await redis.client(proxy.url));
      proxy.freeze();
      await expect(check.check()).rejects.toThrow(/Redis PING failed/);
    });
  });

  describe(closeRedisClient.name, () => {
    it('ends a connected client', async () => {
      const client = createRedisClient({ url: REDIS_URL });
      await waitForRedisReady(client);
      await closeRedisClient(client);
      expect(client.status).toBe('end');
    });

    it('returns promptly for a client that cannot reach Redis', async () => {
      const client = createRedisClient({ url: 'redis://127.0.0.1:1' });
      await expect(closeRedisClient(client)).resolves.toBeUndefined();
      await expect(client.get('x')).rejects.toThrow();
    });
  });

  describe(RedisModule.name, () => {
    class RecordingSink implements CacheMetricsSink {
      readonly results: CacheResult[] = [];
      cacheResult(_cache: string, result: CacheResult): void {
        this.results.push(result);
      }
    }

    @Global()
    @Module({ providers: [{ provide: CACHE_METRICS, useClass: RecordingSink }], exports: [CACHE_METRICS] })
    class MetricsTestModule {}

    it('shares one client with caches, reports to CACHE_METRICS and closes the client on shutdown', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          RedisModule.forRoot({ url: REDIS_URL, keyPrefix: redis.keyPrefix, connectionName: 'cache-module-test' }),
          MetricsTestModule,
          CacheModule.forRoot({ name: 'products', defaultTtlSeconds: 60 }),
        ],
      }).compile();
      const app = await moduleRef.init();
      const client = app.get<Redis>(REDIS);
      try {
        await waitForRedisReady(client);
        const cache = app.get(CacheService);
        await cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'value');
        await cache.getOrLoad({ namespace: 'product', id: 1 }, async () => 'value');
        await expect(app.get(RedisReadinessCheck).check()).resolves.toBeUndefined();
        expect(app.get<RecordingSink>(CACHE_METRICS).results).toEqual(['miss', 'hit']);
      } finally {
        await app.close();
      }
      expect(client.status).toBe('end');
    });
  });

  describe(createBullConnectionOptions.name, () => {
    it('gives BullMQ a working connection', async () => {
      const prefix = `${redis.keyPrefix}bull`;
      const queue = new Queue('cache-lib-check', { connection: createBullConnectionOptions(REDIS_URL), prefix });
      try {
        await queue.add('ping', { at: 1 });
        await expect(queue.getJobCounts('waiting')).resolves.toEqual({ waiting: 1 });
      } finally {
        await queue.obliterate({ force: true });
        await queue.close();
      }
    });
  });
});

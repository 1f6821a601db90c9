import { Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthController } from './health.controller';
import { HealthModule } from './health.module';
import { provideReadinessCheck } from './readiness/provide-readiness-check';
import type { ReadinessCheck } from './readiness/readiness-check';
import { ReadinessRegistry } from './readiness/readiness.registry';
import { ShutdownState } from './shutdown/shutdown-state';

const CHECK_TIMEOUT_MS = 50;

async function createApp(...checks: ReadinessCheck[]): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [HealthModule.forRoot({ checkTimeoutMs: CHECK_TIMEOUT_MS })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  for (const check of checks) app.get(ReadinessRegistry).register(check);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function get(app: NestFastifyApplication, url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, any> };
}

const up = (name: string): ReadinessCheck => ({ name, check: async () => undefined });

describe(HealthController.name, () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('reports the process alive without running any check', async () => {
    const check = jest.fn(async () => undefined);
    const created = await createApp({ name: 'postgres', check });
    app = created;
    expect(await get(created, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(check).not.toHaveBeenCalled();
  });

  it('is ready when every check passes, listing each one', async () => {
    const created = await createApp(up('postgres'), up('redis'), up('nats'));
    app = created;
    const { status, body } = await get(created, '/health/ready');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['nats', 'postgres', 'redis']);
    expect(body.details.redis.status).toBe('up');
  });

  it('answers 503 naming the failing check, without the internal reason', async () => {
    const created = await createApp(up('postgres'), {
      name: 'redis',
      check: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:6379');
      },
    });
    app = created;
    const { status, body } = await get(created, '/health/ready');
    expect(status).toBe(503);
    expect(Object.keys(body.error)).toEqual(['redis']);
    expect(body.details.postgres.status).toBe('up');
    expect(JSON.stringify(body)).not.toContain('10.0.0.7');
  });

  it('answers 503 when a check hangs, once the check timeout passes', async () => {
    const aborted = jest.fn();
    const created = await createApp(up('postgres'), {
      name: 'nats',
      check: (signal) =>
        new Promise<void>(() => {
          signal?.addEventListener('abort', aborted);
        }),
    });
    app = created;
    const { status, body } = await get(created, '/health/ready');
    expect(status).toBe(503);
    expect(body.error.nats).toMatchObject({ status: 'down', message: `timeout of ${CHECK_TIMEOUT_MS}ms exceeded` });
    expect(aborted).toHaveBeenCalled();
  });

  it('answers 503 as soon as shutdown begins, even with healthy checks', async () => {
    const created = await createApp(up('postgres'));
    app = created;
    created.get(ShutdownState).begin();
    expect(await get(created, '/health/ready')).toEqual({
      status: 503,
      body: { status: 'shutting_down', message: 'shutting down' },
    });
    expect((await get(created, '/health/live')).status).toBe(200);
  });

  it('runs checks declared with provideReadinessCheck', async () => {
    const REDIS = Symbol('REDIS');
    const ping = jest.fn(async () => 'PONG');
    @Module({
      providers: [
        { provide: REDIS, useValue: { ping } },
        provideReadinessCheck({
          name: 'redis',
          inject: [REDIS],
          useFactory: (redis: { ping(): Promise<string> }) => async () => {
            await redis.ping();
          },
        }),
      ],
    })
    class CacheModule {}
    const moduleRef = await Test.createTestingModule({ imports: [HealthModule.forRoot(), CacheModule] }).compile();
    const created = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app = created;
    await created.init();
    await created.getHttpAdapter().getInstance().ready();
    const { status, body } = await get(created, '/health/ready');
    expect(status).toBe(200);
    expect(body.details.redis.status).toBe('up');
    expect(ping).toHaveBeenCalledTimes(1);
  });
});

describe(ReadinessRegistry.name, () => {
  it('rejects a second check with the same name', () => {
    const registry = new ReadinessRegistry();
    registry.register(up('postgres'));
    expect(() => registry.register(up('postgres'))).toThrow(/registered twice/);
  });
});

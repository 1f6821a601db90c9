import { Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthModule } from '../health.module';
import { GracefulShutdown } from './graceful-shutdown';
import { ShutdownState } from './shutdown-state';

const events: string[] = [];

@Injectable()
class ConnectionPool implements OnModuleDestroy {
  onModuleDestroy(): void {
    events.push('pool closed');
  }
}

@Module({ imports: [HealthModule.forRoot()], providers: [ConnectionPool] })
class AppModule {}

async function createApp(): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  return app;
}

describe(GracefulShutdown.name, () => {
  beforeEach(() => {
    events.length = 0;
  });

  it('flips readiness before draining, then runs Nest shutdown hooks and exits 0', async () => {
    const app = await createApp();
    const exit = jest.fn((code: number) => void events.push(`exit ${code}`));
    const shutdown = app.get(GracefulShutdown);
    shutdown.enable(app, { drainMs: 50, exit, signals: [] });

    const done = shutdown.shutdown('SIGTERM');
    expect(app.get(ShutdownState).isShuttingDown).toBe(true);
    expect(events).toEqual([]);

    await done;
    expect(events).toEqual(['pool closed', 'exit 0']);
  });

  it('runs the sequence once however often it is asked', async () => {
    const app = await createApp();
    const exit = jest.fn();
    const shutdown = app.get(GracefulShutdown);
    shutdown.enable(app, { drainMs: 0, exit, signals: [] });

    await Promise.all([shutdown.shutdown(), shutdown.shutdown('SIGINT')]);
    expect(events).toEqual(['pool closed']);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('starts on the signal and exits 1 at once on a second signal', async () => {
    const app = await createApp();
    const exit = jest.fn();
    const shutdown = app.get(GracefulShutdown);
    shutdown.enable(app, { drainMs: 200, exit, signals: ['SIGUSR2'] });

    process.emit('SIGUSR2');
    expect(app.get(ShutdownState).isShuttingDown).toBe(true);
    process.emit('SIGUSR2');
    expect(exit).toHaveBeenCalledWith(1);

    await shutdown.shutdown();
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('calls afterClose once Nest hooks have run', async () => {
    const app = await createApp();
    const shutdown = app.get(GracefulShutdown);
    shutdown.enable(app, {
      drainMs: 0,
      exit: jest.fn(),
      signals: [],
      afterClose: async () => void events.push('traces flushed'),
    });
    await shutdown.shutdown();
    expect(events).toEqual(['pool closed', 'traces flushed']);
  });
});

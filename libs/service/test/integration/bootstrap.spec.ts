import { Writable } from 'node:stream';
import { Controller, Get, Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GracefulShutdown, HealthModule, ReadinessRegistry } from '@mestres/health';
import { ObservabilityModule } from '@mestres/observability';
import { bootstrapService } from '@mestres/service';

/** A promise plus its resolver, to hold a request open until the test lets it go. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const events: string[] = [];
let slowEntered = deferred();
let slowRelease = deferred();

@Controller('slow')
class SlowController {
  @Get()
  async slow(): Promise<{ done: boolean }> {
    slowEntered.resolve();
    await slowRelease.promise;
    events.push('slow request finished');
    return { done: true };
  }
}

@Injectable()
class FakePool implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly registry: ReadinessRegistry) {}
  onModuleInit(): void {
    this.registry.register({ name: 'postgres', check: async () => undefined });
  }
  onModuleDestroy(): void {
    events.push('pool closed');
  }
}

@Module({
  imports: [ObservabilityModule.forRoot({ service: 'bootstrap-spec' }), HealthModule.forRoot()],
  controllers: [SlowController],
  providers: [FakePool],
})
class AppModule {}

@Injectable()
class UnreachableDatabase implements OnModuleInit {
  async onModuleInit(): Promise<void> {
    throw new AggregateError([new Error('connect ECONNREFUSED 127.0.0.1:1')], '');
  }
}

@Module({
  imports: [ObservabilityModule.forRoot({ service: 'bootstrap-spec' }), HealthModule.forRoot()],
  providers: [UnreachableDatabase],
})
class BrokenModule {}

function memoryLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  return { destination, lines, messages: () => lines.map((line) => (JSON.parse(line) as { msg?: string }).msg) };
}

describe(bootstrapService.name, () => {
  let app: NestFastifyApplication;
  let base: string;
  const log = memoryLog();
  const exit = jest.fn();

  beforeAll(async () => {
    app = await bootstrapService({
      name: 'bootstrap-spec',
      module: AppModule,
      port: 0,
      host: '127.0.0.1',
      logLevel: 'info',
      shutdownGraceSeconds: 1,
      logDestination: log.destination,
      exit,
    });
    const { port } = app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    slowRelease.resolve();
    await app.get(GracefulShutdown).shutdown();
  });

  it('logs one line saying where it listens', () => {
    const port = new URL(base).port;
    expect(log.messages()).toContain(`bootstrap-spec listening on :${port}`);
    expect(exit).not.toHaveBeenCalled();
  });

  it('serves liveness and readiness with the registered checks', async () => {
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });

    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { postgres: { status: 'up' } } });
  });

  it('exposes Prometheus metrics, including the request just served', async () => {
    await fetch(`${base}/health/live`);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /mestres_http_request_duration_seconds_count\{service="bootstrap-spec",method="GET",route="\/health\/live",status="200"\} \d+/,
    );
    expect(text).toContain('nodejs_eventloop_lag_seconds{service="bootstrap-spec"}');
    expect(text).toContain('mestres_db_query_duration_seconds');
  });

  it('on shutdown reports not ready at once, finishes in-flight requests, then closes pools', async () => {
    slowEntered = deferred();
    slowRelease = deferred();
    const slow = fetch(`${base}/slow`);
    await slowEntered.promise;

    const shutdown = app.get(GracefulShutdown).shutdown('SIGTERM');

    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'shutting_down' });
    expect(ready.headers.get('connection')).toBe('close');

    slowRelease.resolve();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });

    await shutdown;
    expect(events).toEqual(['slow request finished', 'pool closed']);
    expect(exit).toHaveBeenCalledWith(0);
  });
});

describe(`${bootstrapService.name} when a dependency is down`, () => {
  it('logs one line naming the reason and exits 1', async () => {
    const log = memoryLog();
    const exit = jest.fn();
    await expect(
      bootstrapService({
        name: 'broken-spec',
        module: BrokenModule,
        port: 0,
        host: '127.0.0.1',
        logLevel: 'info',
        shutdownGraceSeconds: 0,
        logDestination: log.destination,
        exit,
      }),
    ).rejects.toThrow();
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.messages()).toEqual(['broken-spec failed to start: connect ECONNREFUSED 127.0.0.1:1']);
  });
});

import type { TestingModule } from '@nestjs/testing';
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, millis } from '@nats-io/transport-node';
import { TransactionHost } from '@mestres/database';
import { eventDefinitions } from '@mestres/contracts';
import { EventPublisher, MessagingModule, NatsReadinessCheck } from '@mestres/messaging';
import { startNatsServer, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import {
  aProductCreated,
  count,
  createServiceSchema,
  deleteStreams,
  eventually,
  natsUrl,
  projectionProviders,
  startService,
  type ProjectionBehaviour,
} from './messaging.fixtures';

describe(MessagingModule.name, () => {
  const prefix = `t${uniqueSuffix()}`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createServiceSchema('msgmod');
  });

  afterAll(async () => {
    await deleteStreams(prefix);
    await db?.drop();
  });

  it('fails the boot with one clear error when NATS is unreachable', async () => {
    const boot = startService({ service: 'catalog', db, prefix, servers: ['nats://127.0.0.1:1'] });
    await expect(boot).rejects.toThrow(/^cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/);
  });

  it('creates the streams idempotently, one per context plus the DLQ', async () => {
    const first = await startService({ service: 'catalog', db, prefix });
    const second = await startService({ service: 'users', db, prefix });
    await Promise.all([first.close(), second.close()]);
    const nc = await connect({ servers: [natsUrl()] });
    try {
      const jsm = await jetstreamManager(nc);
      const names: string[] = [];
      for await (const name of jsm.streams.names()) if (name.startsWith(`${prefix}_`)) names.push(name);
      const contexts = [...new Set(eventDefinitions().map(([, definition]) => definition.producer))];
      const expected = [...contexts.map((context) => `${prefix}_${context.toUpperCase()}_EVENTS`), `${prefix}_DLQ`];
      expect(names.sort()).toEqual(expected.sort());
      const { config } = await jsm.streams.info(`${prefix}_CATALOG_EVENTS`);
      expect(config).toMatchObject({ subjects: [`${prefix}.catalog.*.*.*`], storage: StorageType.File, retention: 'limits' });
      expect(millis(config.duplicate_window)).toBeGreaterThanOrEqual(120_000);
      expect(millis(config.max_age)).toBe(7 * 24 * 3600 * 1000);
    } finally {
      await nc.close();
    }
  });

  it('lets the handler in flight finish and ack on shutdown', async () => {
    let entered!: () => void;
    let release!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const behaviour: ProjectionBehaviour = {
      calls: [],
      before: async () => {
        entered();
        await released;
      },
    };
    const consumer = await startService({ service: 'courses', db, prefix, providers: projectionProviders(behaviour) });
    const publisher = await startService({ service: 'catalog', db, prefix });
    const tx = publisher.get(TransactionHost);
    await tx.transaction(() => publisher.get(EventPublisher).publish('catalog.product.created.v1', aProductCreated({ productId: 'p-shutdown' })));
    await inHandler;

    const closing = consumer.close();
    release();
    await closing;
    await publisher.close();

    expect(await count(db, `SELECT count(*) FROM effect WHERE product_id = 'p-shutdown'`)).toBe(1);
    const nc = await connect({ servers: [natsUrl()] });
    try {
      const info = await (await jetstreamManager(nc)).consumers.info(`${prefix}_CATALOG_EVENTS`, 'test-product-projection');
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
    } finally {
      await nc.close();
    }
  });

  describe(NatsReadinessCheck.name, () => {
    it('reports ready while connected and not ready while NATS is down', async () => {
      const server = await startNatsServer();
      const service = await startService({
        service: 'catalog',
        db,
        prefix,
        servers: [server.url],
        messaging: { relay: { enabled: false }, connection: { readinessTimeoutMs: 300, reconnectTimeWaitMs: 100 } },
      });
      try {
        const readiness = service.get(NatsReadinessCheck);
        expect(readiness.name).toBe('nats');
        await expect(readiness.check()).resolves.toBeUndefined();
        await server.stop();
        await expect(readiness.check()).rejects.toThrow(/NATS is disconnected|did not answer a ping/);
        await server.start();
        await eventually(() => readiness.check());
      } finally {
        await service.close();
        await server.dispose();
      }
    });
  });
});

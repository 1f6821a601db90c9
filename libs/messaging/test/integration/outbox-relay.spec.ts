import type { TestingModule } from '@nestjs/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { TransactionHost } from '@mestres/database';
import { EventPublisher, OutboxTransactionRequiredError, ContractViolationError, type MessagingMetricsSink } from '@mestres/messaging';
import { startNatsServer, uniqueSuffix, type TestDatabase, type TestNatsServer } from '@mestres/testing';
import {
  aProductCreated,
  count,
  createServiceSchema,
  deleteStreams,
  eventually,
  natsUrl,
  projectionProviders,
  RecordingLogger,
  startService,
  type ProjectionBehaviour,
} from './messaging.fixtures';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function publishProducts(service: TestingModule, ids: string[]): Promise<void> {
  const tx = service.get(TransactionHost);
  const events = service.get(EventPublisher);
  for (const productId of ids) {
    await tx.transaction(() => events.publish('catalog.product.created.v1', aProductCreated({ productId })));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `p-${from + i}`);

describe('OutboxRelay', () => {
  describe('across NATS outages', () => {
    let server: TestNatsServer;
    let publisherDb: TestDatabase;
    let consumerDb: TestDatabase;
    let publisher: TestingModule | undefined;
    let consumer: TestingModule | undefined;
    const prefix = `t${uniqueSuffix()}`;

    beforeAll(async () => {
      server = await startNatsServer();
      [publisherDb, consumerDb] = await Promise.all([createServiceSchema('msgpub'), createServiceSchema('msgsub')]);
    });

    afterAll(async () => {
      await consumer?.close();
      await publisher?.close();
      await server?.dispose();
      await Promise.all([publisherDb?.drop(), consumerDb?.drop()]);
    });

    it('delivers every event exactly once although NATS is down while they are written and during delivery', async () => {
      const behaviour: ProjectionBehaviour = { calls: [], before: () => sleep(40) };
      const logger = new RecordingLogger();
      publisher = await startService({ service: 'catalog', db: publisherDb, prefix, servers: [server.url], logger });
      consumer = await startService({
        service: 'courses',
        db: consumerDb,
        prefix,
        servers: [server.url],
        providers: projectionProviders(behaviour),
        messaging: { relay: { enabled: false } },
        // Nest's logger is process-wide: the last one set receives every service's lines.
        logger,
      });

      await server.stop();
      await publishProducts(publisher, range(0, 40));
      expect(await count(publisherDb, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(40);

      await server.start();
      // Take NATS away again while the consumer is working through the backlog.
      await eventually(async () => expect(await count(consumerDb, 'SELECT count(*) FROM effect')).toBeGreaterThanOrEqual(5));
      expect(await count(consumerDb, 'SELECT count(*) FROM effect')).toBeLessThan(40);
      await server.stop();
      await publishProducts(publisher, range(40, 50));
      await server.start();

      await eventually(async () => expect(await count(consumerDb, 'SELECT count(*) FROM inbox')).toBe(50), 60_000);
      expect(await count(consumerDb, 'SELECT count(*) FROM effect')).toBe(50);
      expect(await count(consumerDb, 'SELECT count(DISTINCT product_id) FROM effect')).toBe(50);
      expect(await count(publisherDb, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(0);
      // One warning per outage, not one per retry.
      const paused = logger.matching(/outbox relay paused/);
      expect(paused.length).toBeGreaterThanOrEqual(1);
      expect(paused.length).toBeLessThanOrEqual(2);
      expect(logger.matching(/outbox relay resumed/)).toHaveLength(paused.length);
    }, 120_000);
  });

  describe('with two relays on one outbox', () => {
    const prefix = `t${uniqueSuffix()}`;
    let db: TestDatabase;
    const replicas: TestingModule[] = [];
    const published: string[] = [];
    const duplicates: string[] = [];
    const sink: MessagingMetricsSink = {
      natsMessage(subject, direction, outcome) {
        if (direction !== 'publish') return;
        if (outcome === 'ok') published.push(subject);
        if (outcome === 'duplicate') duplicates.push(subject);
      },
    };

    beforeAll(async () => {
      db = await createServiceSchema('msgtwo');
      for (let i = 0; i < 2; i += 1) replicas.push(await startService({ service: 'catalog', db, prefix, metrics: sink }));
    });

    afterAll(async () => {
      for (const replica of replicas) await replica.close();
      await deleteStreams(prefix);
      await db?.drop();
    });

    it('publishes each row once', async () => {
      await Promise.all([publishProducts(replicas[0], range(0, 60)), publishProducts(replicas[1], range(60, 120))]);
      await eventually(async () => expect(await count(db, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(0));
      expect(published).toHaveLength(120);
      expect(duplicates).toHaveLength(0);
      const nc = await connect({ servers: [natsUrl()] });
      try {
        const info = await (await jetstreamManager(nc)).streams.info(`${prefix}_CATALOG_EVENTS`);
        expect(info.state.messages).toBe(120);
      } finally {
        await nc.close();
      }
    });
  });

  describe('with Postgres dropping connections', () => {
    const prefix = `t${uniqueSuffix()}`;
    const applicationName = `test-hiccup-${uniqueSuffix()}`;
    let db: TestDatabase;
    let service: TestingModule;

    beforeAll(async () => {
      db = await createServiceSchema('msghiccup', { applicationName });
      service = await startService({ service: 'catalog', db, prefix });
    });

    afterAll(async () => {
      await service?.close();
      await deleteStreams(prefix);
      await db?.drop();
    });

    it('keeps relaying after Postgres terminated its connections', async () => {
      await publishProducts(service, ['before']);
      await eventually(async () => expect(await count(db, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(0));
      const admin = db.sources.primary;
      const [{ terminated }] = await admin.query(
        `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
          WHERE application_name IN ($1, $2) AND pid <> pg_backend_pid()`,
        [applicationName, `${applicationName}-outbox`],
      );
      expect(terminated).toBeGreaterThanOrEqual(1);
      // The app's own pool may hand out a dead connection once; a failed transaction wrote nothing.
      for (const id of ['after-1', 'after-2']) await eventually(() => publishProducts(service, [id]));
      await eventually(async () => expect(await count(db, 'SELECT count(*) FROM outbox WHERE published_at IS NULL')).toBe(0));
      expect(await count(db, 'SELECT count(*) FROM outbox')).toBe(3);
    });
  });

  describe('with a short retention', () => {
    const prefix = `t${uniqueSuffix()}`;
    let db: TestDatabase;
    let service: TestingModule;

    beforeAll(async () => {
      db = await createServiceSchema('msgprune');
      service = await startService({ service: 'catalog', db, prefix, messaging: { relay: { retentionMs: 1, pruneIntervalMs: 100 } } });
    });

    afterAll(async () => {
      await service?.close();
      await deleteStreams(prefix);
      await db?.drop();
    });

    it('deletes published rows once they are older than the retention', async () => {
      await publishProducts(service, ['pruned-1', 'pruned-2']);
      await eventually(async () => expect(await count(db, 'SELECT count(*) FROM outbox')).toBe(0));
      const nc = await connect({ servers: [natsUrl()] });
      try {
        const info = await (await jetstreamManager(nc)).streams.info(`${prefix}_CATALOG_EVENTS`);
        expect(info.state.messages).toBe(2);
      } finally {
        await nc.close();
      }
    });
  });

  describe(EventPublisher.name, () => {
    const prefix = `t${uniqueSuffix()}`;
    let db: TestDatabase;
    let service: TestingModule;

    beforeAll(async () => {
      db = await createServiceSchema('msgrules');
      service = await startService({ service: 'catalog', db, prefix, messaging: { relay: { enabled: false } } });
    });

    afterAll(async () => {
      await service?.close();
      await deleteStreams(prefix);
      await db?.drop();
    });

    it('refuses to publish outside a transaction', async () => {
      await expect(service.get(EventPublisher).publish('catalog.product.created.v1', aProductCreated())).rejects.toThrow(
        OutboxTransactionRequiredError,
      );
    });

    it('rejects a payload that breaks the contract and writes nothing', async () => {
      const tx = service.get(TransactionHost);
      const invalid = { ...aProductCreated(), variants: [{ sku: 'X', priceCents: -1, currency: 'USD' }] };
      const attempt = tx.transaction(() =>
        service.get(EventPublisher).publish('catalog.product.created.v1', invalid as unknown as ReturnType<typeof aProductCreated>),
      );
      await expect(attempt).rejects.toThrow(ContractViolationError);
      await expect(attempt).rejects.toThrow(/variants\.0\.priceCents/);
      expect(await count(db, 'SELECT count(*) FROM outbox')).toBe(0);
    });

    it("refuses to publish another context's event", async () => {
      const tx = service.get(TransactionHost);
      const attempt = tx.transaction(() =>
        service.get(EventPublisher).publish('users.user.registered.v1', { userId: 'u1', email: 'ana@example.com', name: 'Ana' }),
      );
      await expect(attempt).rejects.toThrow('catalog may not publish users.user.registered.v1: only users does');
    });

    it('drops the event when the transaction rolls back', async () => {
      const tx = service.get(TransactionHost);
      const attempt = tx.transaction(async () => {
        await service.get(EventPublisher).publish('catalog.product.created.v1', aProductCreated());
        throw new Error('stock check failed');
      });
      await expect(attempt).rejects.toThrow('stock check failed');
      expect(await count(db, 'SELECT count(*) FROM outbox')).toBe(0);
    });
  });
});

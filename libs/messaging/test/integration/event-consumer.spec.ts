import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope, ProductCreatedV1, ProductPriceChangedV1 } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { DeadLetterService, EventPublisher, NatsClient, OnEvent, type MessagingMetricsSink } from '@mestres/messaging';
import { uniqueSuffix, type TestDatabase } from '@mestres/testing';
import {
  aProductCreated,
  count,
  createServiceSchema,
  deleteStreams,
  eventually,
  natsUrl,
  PROJECTION_CONSUMER,
  projectionProviders,
  startService,
  type ProjectionBehaviour,
} from './messaging.fixtures';

type Outcome = Parameters<MessagingMetricsSink['natsMessage']>[2];

/** Counts consume outcomes, to see duplicates and dead letters the handler never saw. */
class RecordingSink implements MessagingMetricsSink {
  readonly consumed: Outcome[] = [];
  natsMessage(_subject: string, direction: 'publish' | 'consume', outcome: Outcome): void {
    if (direction === 'consume') this.consumed.push(outcome);
  }
  count(outcome: Outcome): number {
    return this.consumed.filter((seen) => seen === outcome).length;
  }
}

/** One consumer with two subjects of the same stream: it must see both, in stream order. */
@Injectable()
class PriceWatcher {
  static readonly seen: string[] = [];

  @OnEvent('catalog.product.created.v1', { consumer: 'test-price-watcher' })
  onCreated(product: ProductCreatedV1): void {
    PriceWatcher.seen.push(`created ${product.productId}`);
  }

  @OnEvent('catalog.product.price-changed.v1', { consumer: 'test-price-watcher' })
  onPriceChanged(change: ProductPriceChangedV1): void {
    PriceWatcher.seen.push(`price ${change.productId} ${change.newPriceCents}`);
  }
}

describe('EventConsumer', () => {
  const prefix = `t${uniqueSuffix()}`;
  let publisherDb: TestDatabase;
  let consumerDb: TestDatabase;
  let publisher: TestingModule;
  let consumer: TestingModule;
  let nc: NatsConnection;
  const behaviour: ProjectionBehaviour = { calls: [] };
  const sink = new RecordingSink();

  beforeAll(async () => {
    [publisherDb, consumerDb] = await Promise.all([createServiceSchema('msgcat'), createServiceSchema('msgcourses')]);
    publisher = await startService({ service: 'catalog', db: publisherDb, prefix });
    consumer = await startService({
      service: 'courses',
      db: consumerDb,
      prefix,
      providers: projectionProviders(behaviour),
      metrics: sink,
    });
    nc = await connect({ servers: [natsUrl()] });
  });

  afterAll(async () => {
    await consumer?.close();
    await publisher?.close();
    await nc?.close();
    await deleteStreams(prefix);
    await Promise.all([publisherDb?.drop(), consumerDb?.drop()]);
  });

  beforeEach(async () => {
    behaviour.calls = [];
    behaviour.before = undefined;
    behaviour.parentId = undefined;
    sink.consumed.length = 0;
    await consumerDb.sources.primary.query('TRUNCATE effect, parent, inbox');
  });

  async function publish(productId: string): Promise<EventEnvelope<'catalog.product.created.v1'>> {
    const tx = publisher.get(TransactionHost);
    return tx.transaction(() => publisher.get(EventPublisher).publish('catalog.product.created.v1', aProductCreated({ productId })));
  }

  const effects = (eventId: string) => count(consumerDb, 'SELECT count(*) FROM effect WHERE event_id = $1', [eventId]);

  it('delivers an event from the outbox to the handler with its envelope', async () => {
    const envelope = await publish('p-deliver');
    await eventually(async () => expect(await effects(envelope.eventId)).toBe(1));
    expect(behaviour.calls[0]).toEqual(envelope);
    expect(await count(consumerDb, 'SELECT count(*) FROM inbox WHERE consumer = $1', [PROJECTION_CONSUMER])).toBe(1);
  });

  it('processes an event once when the same envelope arrives twice under different msg ids', async () => {
    const envelope: EventEnvelope<'catalog.product.created.v1'> = {
      eventId: '01937e4c-2f3a-7c2d-8a9b-0c1d2e3f4a5b',
      subject: 'catalog.product.created.v1',
      occurredAt: new Date().toISOString(),
      version: 1,
      producer: 'catalog',
      payload: aProductCreated({ productId: 'p-twice' }),
    };
    const js = jetstream(nc);
    await js.publish(`${prefix}.catalog.product.created.v1`, JSON.stringify(envelope), { msgID: 'first-copy' });
    await js.publish(`${prefix}.catalog.product.created.v1`, JSON.stringify(envelope), { msgID: 'second-copy' });
    await eventually(() => expect(sink.count('duplicate')).toBe(1));
    expect(await effects(envelope.eventId)).toBe(1);
    expect(sink.count('ok')).toBe(1);
  });

  it('retries a handler that fails transiently and applies its effect once', async () => {
    behaviour.before = (_envelope, call) => {
      if (call <= 2) throw new Error('search index unavailable');
    };
    const envelope = await publish('p-transient');
    await eventually(async () => expect(await effects(envelope.eventId)).toBe(1));
    expect(behaviour.calls).toHaveLength(3);
    expect(sink.count('error')).toBe(2);
  });

  it('acks only after commit: a transaction that fails at commit leaves no effect and the event comes back', async () => {
    const seenBefore: number[] = [];
    behaviour.before = async (envelope) => {
      seenBefore.push(await count(consumerDb, 'SELECT count(*) FROM effect WHERE event_id = $1', [envelope.eventId]));
    };
    // The first attempt references a parent row that does not exist: the deferred FK fails the COMMIT.
    behaviour.parentId = (_envelope, call) => (call === 1 ? 404 : undefined);
    const envelope = await publish('p-commit');
    await eventually(async () => expect(await effects(envelope.eventId)).toBe(1));
    expect(behaviour.calls).toHaveLength(2);
    expect(seenBefore).toEqual([0, 0]);
    expect(await count(consumerDb, 'SELECT count(*) FROM inbox WHERE event_id = $1', [envelope.eventId])).toBe(1);
  });

  it('dead-letters an event whose handler keeps failing, and processes it once after a replay', async () => {
    let broken = true;
    behaviour.before = () => {
      if (broken) throw new Error('projection bug: category missing');
    };
    const envelope = await publish('p-dlq');
    const deadLetters = consumer.get(DeadLetterService);
    await eventually(async () => expect(await deadLetters.list({ consumer: PROJECTION_CONSUMER })).toHaveLength(1));
    const [letter] = await deadLetters.list({ consumer: PROJECTION_CONSUMER });
    expect(letter).toMatchObject({
      consumer: PROJECTION_CONSUMER,
      subject: 'catalog.product.created.v1',
      eventId: envelope.eventId,
      deliveries: 3,
      error: 'projection bug: category missing',
    });
    expect(behaviour.calls).toHaveLength(3);
    expect(await effects(envelope.eventId)).toBe(0);

    broken = false;
    await deadLetters.replay(letter.id);
    await eventually(async () => expect(await effects(envelope.eventId)).toBe(1));
    expect(await deadLetters.list({ consumer: PROJECTION_CONSUMER })).toEqual([]);
    expect(behaviour.calls).toHaveLength(4);
  });

  it('dead-letters a poison message at once without stopping the consumer', async () => {
    const js = jetstream(nc);
    const poison = headers();
    poison.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    await js.publish(`${prefix}.catalog.product.created.v1`, JSON.stringify({ eventId: 'not-a-uuid', payload: {} }), {
      msgID: `poison-${uniqueSuffix()}`,
      headers: poison,
    });
    const deadLetters = consumer.get(DeadLetterService);
    await eventually(async () => expect(await deadLetters.list({ consumer: PROJECTION_CONSUMER })).toHaveLength(1));
    const [letter] = await deadLetters.list({ consumer: PROJECTION_CONSUMER });
    expect(letter.deliveries).toBe(1);
    expect(letter.error).toMatch(/invalid event envelope/);
    expect(behaviour.calls).toHaveLength(0);
    await deadLetters.discard(letter.id);

    const envelope = await publish('p-after-poison');
    await eventually(async () => expect(await effects(envelope.eventId)).toBe(1));
  });
});

describe('EventConsumer with several subjects', () => {
  const prefix = `t${uniqueSuffix()}`;
  let publisherDb: TestDatabase;
  let consumerDb: TestDatabase;
  let publisher: TestingModule;
  let consumer: TestingModule;

  beforeAll(async () => {
    [publisherDb, consumerDb] = await Promise.all([createServiceSchema('msgcat'), createServiceSchema('msgorders')]);
    publisher = await startService({ service: 'catalog', db: publisherDb, prefix });
    consumer = await startService({ service: 'orders', db: consumerDb, prefix, providers: [PriceWatcher] });
  });

  afterAll(async () => {
    await consumer?.close();
    await publisher?.close();
    await deleteStreams(prefix);
    await Promise.all([publisherDb?.drop(), consumerDb?.drop()]);
  });

  it('hands one consumer the subjects it handles, in stream order, and skips the others', async () => {
    const tx = publisher.get(TransactionHost);
    const events = publisher.get(EventPublisher);
    await tx.transaction(async () => {
      await events.publish('catalog.product.created.v1', aProductCreated({ productId: 'p-order' }));
      await events.publish('catalog.stock.changed.v1', { sku: 'BA-250-GR', onHand: 5, reserved: 0, available: 5 });
      await events.publish('catalog.product.price-changed.v1', {
        productId: 'p-order',
        sku: 'BA-250-GR',
        oldPriceCents: 5990,
        newPriceCents: 6490,
        currency: 'BRL',
      });
    });
    await eventually(() => expect(PriceWatcher.seen).toEqual(['created p-order', 'price p-order 6490']));
    const jsm = await consumer.get(NatsClient).jsm();
    await eventually(async () => {
      const info = await jsm.consumers.info(`${prefix}_CATALOG_EVENTS`, 'test-price-watcher');
      expect([info.num_pending, info.num_ack_pending]).toEqual([0, 0]);
    });
  });
});

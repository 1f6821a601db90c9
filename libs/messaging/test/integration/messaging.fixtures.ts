import { Inject, Injectable, Module, type DynamicModule, type LoggerService, type Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { EventEnvelope, ProductCreatedV1 } from '@mestres/contracts';
import { DatabaseModule, TransactionHost } from '@mestres/database';
import {
  MESSAGING_METRICS,
  messagingMigrations,
  MessagingModule,
  OnEvent,
  type MessagingMetricsSink,
  type MessagingModuleOptions,
} from '@mestres/messaging';
import { createTestDatabase, type TestDatabase } from '@mestres/testing';

export const natsUrl = () => process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** What the test handler writes: one row per processed event, so duplicates would show. */
export class CreateEffect1700000000100 implements MigrationInterface {
  name = 'CreateEffect1700000000100';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE parent (id int PRIMARY KEY)`);
    await queryRunner.query(`
      CREATE TABLE effect (
        id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        product_id text NOT NULL,
        parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED
      )`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE effect`);
    await queryRunner.query(`DROP TABLE parent`);
  }
}

/** A migrated throwaway schema with the outbox, the inbox and the effect table. */
export function createServiceSchema(name: string, overrides: Partial<TestDatabase['settings']> = {}): Promise<TestDatabase> {
  return createTestDatabase({ schema: name, entities: [], migrations: [...messagingMigrations, CreateEffect1700000000100] }, overrides);
}

/** Test hooks around the projection's write; replace them per test. */
export interface ProjectionBehaviour {
  calls: Array<EventEnvelope<'catalog.product.created.v1'>>;
  before?(envelope: EventEnvelope<'catalog.product.created.v1'>, call: number): Promise<void> | void;
  parentId?(envelope: EventEnvelope<'catalog.product.created.v1'>, call: number): number | undefined;
}

export const PROJECTION_BEHAVIOUR = Symbol('PROJECTION_BEHAVIOUR');

export const PROJECTION_CONSUMER = 'test-product-projection';

/** A thin handler, as apps write them: one write through the TransactionHost. */
@Injectable()
export class ProductProjection {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(PROJECTION_BEHAVIOUR) private readonly behaviour: ProjectionBehaviour,
  ) {}

  @OnEvent('catalog.product.created.v1', { consumer: PROJECTION_CONSUMER })
  async onProductCreated(product: ProductCreatedV1, envelope: EventEnvelope<'catalog.product.created.v1'>): Promise<void> {
    this.behaviour.calls.push(envelope);
    const call = this.behaviour.calls.length;
    await this.behaviour.before?.(envelope, call);
    await this.tx.manager.query(`INSERT INTO effect (event_id, product_id, parent_id) VALUES ($1, $2, $3)`, [
      envelope.eventId,
      product.productId,
      this.behaviour.parentId?.(envelope, call) ?? null,
    ]);
  }
}

export interface TestServiceOptions {
  service: string;
  db: TestDatabase;
  prefix: string;
  servers?: string[];
  providers?: Provider[];
  messaging?: Partial<MessagingModuleOptions>;
  /** Registered globally, as the observability module does. */
  metrics?: MessagingMetricsSink;
  logger?: RecordingLogger;
}

@Module({})
class MetricsModule {
  static with(sink: MessagingMetricsSink): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: MESSAGING_METRICS, useValue: sink }],
      exports: [MESSAGING_METRICS],
    };
  }
}

/** Settings that keep retries and redeliveries short enough for tests. */
export const FAST = {
  connection: { reconnectTimeWaitMs: 100, reconnectJitterMs: 50, timeoutMs: 2000 },
  consumers: { maxDeliver: 3, backoffMs: [100, 200], ackWaitMs: 5000 },
  relay: { pollIntervalMs: 500, maxBackoffMs: 1000, publishTimeoutMs: 2000 },
} satisfies Partial<MessagingModuleOptions>;

/** Keeps log lines so tests can assert on them (set TEST_LOGS=1 to print them too). */
export class RecordingLogger implements LoggerService {
  readonly lines: Array<{ level: string; context: string; message: string }> = [];
  private record(level: string, message: unknown, context: unknown) {
    const line = { level, context: String(context ?? ''), message: String(message) };
    this.lines.push(line);
    if (process.env.TEST_LOGS) process.stderr.write(`[${line.level}] ${line.context}: ${line.message}\n`);
  }
  log(message: unknown, context?: unknown) { this.record('log', message, context); }
  error(message: unknown, _trace?: unknown, context?: unknown) { this.record('error', message, context); }
  warn(message: unknown, context?: unknown) { this.record('warn', message, context); }
  debug(message: unknown, context?: unknown) { this.record('debug', message, context); }
  verbose(message: unknown, context?: unknown) { this.record('verbose', message, context); }
  matching(pattern: RegExp) {
    return this.lines.filter((line) => pattern.test(line.message));
  }
}

/** One "service": a Nest context with the database and messaging modules, initialised. */
export async function startService(options: TestServiceOptions): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot({ schema: options.db.schema, entities: [], migrations: [] }, options.db.settings),
      MessagingModule.forRoot({
        service: options.service,
        servers: options.servers ?? [natsUrl()],
        prefix: options.prefix,
        ...FAST,
        ...options.messaging,
      }),
      ...(options.metrics ? [MetricsModule.with(options.metrics)] : []),
    ],
    providers: options.providers ?? [],
  }).compile();
  moduleRef.useLogger(options.logger ?? new RecordingLogger());
  await moduleRef.init();
  return moduleRef;
}

export function projectionProviders(behaviour: ProjectionBehaviour): Provider[] {
  return [ProductProjection, { provide: PROJECTION_BEHAVIOUR, useValue: behaviour }];
}

export function aProductCreated(overrides: Partial<ProductCreatedV1> = {}): ProductCreatedV1 {
  return {
    productId: 'prod-1',
    slug: 'bourbon-amarelo',
    name: 'Bourbon Amarelo 250 g',
    kind: 'COFFEE',
    categoryId: 'cat-cafes',
    variants: [{ sku: 'BA-250-GR', priceCents: 5990, currency: 'BRL' }],
    ...overrides,
  };
}

/** Retries `assertion` until it passes or `timeoutMs` elapses (then throws its last error). */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Deletes the streams a test created under its prefix. */
export async function deleteStreams(prefix: string, servers: string[] = [natsUrl()]): Promise<void> {
  const nc = await connect({ servers });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

export async function count(db: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.sources.primary.query(sql, params);
  return Number(Object.values(row)[0]);
}

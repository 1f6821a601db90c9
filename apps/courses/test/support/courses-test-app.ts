import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { signIdentity, type CallerIdentity } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import type { EventEnvelope, EventPayload, EventSubject } from '@mestres/contracts';
import { NatsClient, uuidv7 } from '@mestres/messaging';
import { createTestDatabase, testAdminUrl, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { coursesConfigSchema, type CoursesConfig } from '../../src/config';
import { coursesDatabase } from '../../src/database';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; reason?: string; [key: string]: unknown } }>;
}

/** An event as stored in the courses outbox. */
export interface PublishedEvent {
  subject: string;
  payload: Record<string, any>;
}

/**
 * The real courses app (AppModule) on Fastify (random port) against a throwaway schema, with
 * its own NATS prefix and Redis key prefix, plus what the gateway and the orders service
 * would do: sign identities, publish orders events.
 */
export interface CoursesTestApp {
  app: NestFastifyApplication;
  config: CoursesConfig;
  db: TestDatabase;
  /** The app's primary data source (to count statements). */
  dataSource: DataSource;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: CallerIdentity | null): Promise<GraphqlResponse<T>>;
  /** Publishes an event on the app's JetStream as its producer would (one envelope, optional duplicate copies). */
  publish<S extends EventSubject>(subject: S, payload: EventPayload<S>, options?: { envelope?: EventEnvelope<S>; msgId?: string }): Promise<EventEnvelope<S>>;
  /** Events the app wrote to its outbox, oldest first, optionally of one subject. */
  published(subject?: string): Promise<PublishedEvent[]>;
  /** Event ids the enrollment consumer processed (inbox). */
  processed(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startCoursesApp(env: Record<string, string> = {}): Promise<CoursesTestApp> {
  const db = await createTestDatabase(coursesDatabase());
  const suffix = uniqueSuffix();
  const natsPrefix = `t${suffix}`;
  const config = loadConfig('courses', coursesConfigSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: db.schema,
    DATABASE_POOL_SIZE: '10',
    DATABASE_STATEMENT_TIMEOUT_MS: '20000',
    DATABASE_SLOW_QUERY_MS: '5000',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test:courses:${suffix}:`,
    NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_PREFIX: natsPrefix,
    ...env,
  });
  let app: NestFastifyApplication;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
    moduleRef.useLogger(process.env.TEST_LOGS ? console : false);
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: process.env.TEST_LOGS ? undefined : false });
    await app.init();
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await db.drop();
    throw error;
  }
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const names = app.get(NatsClient).names;
  // The test's own connection, as the orders service would have: it publishes and cleans up.
  const producer = await connect({ servers: config.NATS_URL });
  const js = jetstream(producer);
  const dataSource = app.get(DataSource);

  return {
    app,
    config,
    db,
    dataSource,
    async graphql(query, variables = {}, caller = null) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller ? signIdentity(caller, config.INTERNAL_AUTH_SECRET) : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Pick<GraphqlResponse, 'data' | 'errors'>;
      return { status: response.status, headers: response.headers, data: body.data as never, errors: body.errors };
    },
    async publish(subject, payload, options = {}) {
      const envelope =
        options.envelope ??
        ({ eventId: uuidv7(), subject, occurredAt: new Date().toISOString(), version: 1, producer: subject.split('.')[0], payload } as EventEnvelope<typeof subject>);
      await js.publish(names.eventSubject(subject), JSON.stringify(envelope), { msgID: options.msgId ?? envelope.eventId });
      return envelope;
    },
    async published(subject) {
      const rows: Array<{ subject: string; envelope: { payload: Record<string, any> } }> = await db.sources.primary.query(
        `SELECT subject, envelope FROM outbox ${subject ? 'WHERE subject = $1' : ''} ORDER BY id`,
        subject ? [subject] : [],
      );
      return rows.map((row) => ({ subject: row.subject, payload: row.envelope.payload }));
    },
    async processed() {
      const rows: Array<{ event_id: string }> = await db.sources.primary.query(`SELECT event_id FROM inbox ORDER BY processed_at`);
      return rows.map((row) => row.event_id);
    },
    async close() {
      // Stopping while the relay still has a backlog leaves NATS work in flight past the test.
      await eventually(
        async () => Number((await db.sources.primary.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n) === 0,
        'the outbox relay to catch up',
      ).catch(() => undefined);
      await app.close();
      const jsm = await jetstreamManager(producer);
      for await (const name of jsm.streams.names()) if (name.startsWith(`${natsPrefix}_`)) await jsm.streams.delete(name);
      await producer.close();
      await db.drop();
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false (the consumer works asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Counts SQL statements run through a DataSource whose text matches `pattern`. */
export function countStatements(dataSource: DataSource, pattern: RegExp): { count: number; stop(): void } {
  const counter = {
    count: 0,
    afterQuery(event: { query: string }) {
      if (pattern.test(event.query)) counter.count += 1;
    },
    stop() {
      const index = dataSource.subscribers.indexOf(counter as never);
      if (index >= 0) dataSource.subscribers.splice(index, 1);
    },
  };
  dataSource.subscribers.push(counter as never);
  return counter;
}

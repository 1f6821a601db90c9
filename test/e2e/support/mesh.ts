import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ServiceDatabaseDefinition } from '@mestres/database';
import {
  busyConsumers,
  createTestDatabase,
  deleteRedisKeys,
  deleteStreams,
  graphqlRequest,
  startServiceProcess,
  testServiceEnv,
  type ServiceProcess,
  type TestDatabase,
} from '@mestres/testing';
import { catalogDatabase } from '../../../apps/catalog/src/database';
import { coursesDatabase } from '../../../apps/courses/src/database';
import { composeSupergraph } from '../../../apps/gateway/src/supergraph/compose-supergraph';
import { DevSmtpServer } from '../../../apps/jobs/src/dev-smtp/dev-smtp-server';
import { jobsDatabase } from '../../../apps/jobs/src/database';
import { QueueName } from '../../../apps/jobs/src/queues/queue-name.enum';
import { ordersDatabase } from '../../../apps/orders/src/database';
import { usersDatabase } from '../../../apps/users/src/database';

export const SUBGRAPH_NAMES = ['catalog', 'orders', 'courses', 'users', 'jobs'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DATABASES: Record<SubgraphName, () => ServiceDatabaseDefinition> = {
  catalog: catalogDatabase,
  orders: ordersDatabase,
  courses: coursesDatabase,
  users: usersDatabase,
  jobs: jobsDatabase,
};

/**
 * Per-service settings of the mesh. Cheaper password hashing (still within the policy's
 * floor) and short job retries keep the run fast; longer RPC and subgraph timeouts keep it
 * green on a loaded machine, where a checkout can take seconds.
 */
const SERVICE_ENV: Record<SubgraphName, Record<string, string>> = {
  catalog: {},
  orders: { CATALOG_RPC_TIMEOUT_MS: '10000' },
  courses: {},
  users: { PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_TIME_COST: '2' },
  jobs: { DEV_SMTP_SERVER: 'false', JOBS_BACKOFF_BASE_MS: '200', JOBS_BACKOFF_MAX_MS: '1000', JOBS_LIGHT_CONCURRENCY: '5' },
};

const STARTUP_TIMEOUT_MS = 120_000;
/**
 * Services booting at once. Boot is CPU-bound: more than the two cores of a small machine
 * gains nothing and starves the Jest worker running another suite next to this one.
 */
const BOOT_CONCURRENCY = 2;

/**
 * Node's on-disk cache of compiled modules, shared by every process the mesh starts: six
 * services load the same large dependency tree, and on a small machine compiling it is most
 * of their boot time. Node validates each entry against its source, so a rebuild is safe.
 */
const NODE_COMPILE_CACHE = path.join(os.tmpdir(), 'mestres-node-compile-cache');

export interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Thrown by {@link Mesh.graphql} when the response carries errors. */
export class GraphqlResponseError extends Error {
  constructor(readonly errors: GraphqlError[]) {
    super(`GraphQL errors: ${errors.map((error) => `${error.message} (${String(error.extensions?.code)})`).join('; ')}`);
  }
}

/** Every service of the platform, each in its own process, behind a gateway. */
export interface Mesh {
  gateway: ServiceProcess;
  services: Record<SubgraphName, ServiceProcess>;
  db: Record<SubgraphName, TestDatabase>;
  /** The SMTP server the jobs service delivers to. */
  smtp: DevSmtpServer;
  /** Shared by every service, so they see each other's events, queues and revocations. */
  natsPrefix: string;
  redisPrefix: string;
  /** The users service's environment (for seeds that read the users config). */
  usersEnv: Record<string, string>;
  /** Calls the gateway as a frontend does; throws {@link GraphqlResponseError} on errors. */
  graphql<T>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<T>;
  /**
   * Resolves once the mesh is at rest: every outbox published, every consumer caught up and
   * no e-mail job left to run. Throws after `timeoutMs`.
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface StartMeshOptions {
  /** Loads data into the migrated schemas before the services start. */
  seed?(db: Record<SubgraphName, TestDatabase>, env: { usersEnv: Record<string, string> }): Promise<void>;
  /** Gateway settings on top of the mesh's (workers, limits...), e.g. for the benchmarks. */
  gatewayEnv?: Record<string, string>;
}

/**
 * Boots the platform as production runs it: a migrated throwaway schema per service, every
 * service as its own process from the build (code-first subgraphs cannot share a process),
 * a supergraph composed from the SDL those processes serve, and the gateway in front.
 */
export async function startMesh(options: StartMeshOptions = {}): Promise<Mesh> {
  const shared: Record<string, string> = { ...testServiceEnv('unused'), NODE_COMPILE_CACHE };
  const natsPrefix = shared.NATS_PREFIX;
  const redisPrefix = shared.REDIS_PREFIX;
  const envFor = (name: SubgraphName, schema: string) =>
    testServiceEnv(schema, { NATS_PREFIX: natsPrefix, REDIS_PREFIX: redisPrefix, NODE_COMPILE_CACHE, ...SERVICE_ENV[name] });

  const started: ServiceProcess[] = [];
  const databases: TestDatabase[] = [];
  let smtp: DevSmtpServer | undefined;
  let supergraphDir: string | undefined;

  const teardown = async () => {
    await Promise.all(started.splice(0).map((service) => service.stop().catch(() => undefined)));
    await smtp?.close().catch(() => undefined);
    await deleteStreams(natsPrefix).catch(() => undefined);
    await deleteRedisKeys(redisPrefix).catch(() => undefined);
    await Promise.all(databases.splice(0).map((db) => db.drop().catch(() => undefined)));
    if (supergraphDir) await rm(supergraphDir, { recursive: true, force: true });
  };

  try {
    const db = {} as Record<SubgraphName, TestDatabase>;
    await inBatches(SUBGRAPH_NAMES, SUBGRAPH_NAMES.length, async (name) => {
      db[name] = await createTestDatabase(DATABASES[name]());
      databases.push(db[name]);
    });
    const usersEnv = envFor('users', db.users.schema);
    await options.seed?.(db, { usersEnv });

    smtp = await DevSmtpServer.start();
    const smtpUrl = smtp.url;
    const services = {} as Record<SubgraphName, ServiceProcess>;
    await inBatches(SUBGRAPH_NAMES, BOOT_CONCURRENCY, async (name) => {
      const env = name === 'jobs' ? { ...envFor(name, db.jobs.schema), SMTP_URL: smtpUrl } : envFor(name, db[name].schema);
      services[name] = await startServiceProcess(name, env, STARTUP_TIMEOUT_MS);
      started.push(services[name]);
    });

    supergraphDir = await mkdtemp(path.join(os.tmpdir(), 'mestres-e2e-'));
    const supergraphPath = path.join(supergraphDir, 'supergraph.graphql');
    await writeFile(supergraphPath, await composeLiveSupergraph(services));
    const gateway = await startServiceProcess(
      'gateway',
      {
        ...shared,
        SUPERGRAPH_PATH: supergraphPath,
        CATALOG_URL: services.catalog.graphqlUrl,
        ORDERS_URL: services.orders.graphqlUrl,
        COURSES_URL: services.courses.graphqlUrl,
        USERS_URL: services.users.graphqlUrl,
        JOBS_URL: services.jobs.graphqlUrl,
        SUBGRAPH_TIMEOUT_MS: '20000',
        ...options.gatewayEnv,
      },
      STARTUP_TIMEOUT_MS,
    );
    started.push(gateway);

    const mesh: Mesh = {
      gateway,
      services,
      db,
      smtp,
      natsPrefix,
      redisPrefix,
      usersEnv,
      async graphql<T>(query: string, variables: Record<string, unknown> = {}, accessToken?: string): Promise<T> {
        const headers: Record<string, string> = accessToken ? { authorization: `Bearer ${accessToken}` } : {};
        const { status, body } = await graphqlRequest<T>(gateway.graphqlUrl, query, variables, headers);
        if (body.errors?.length) throw new GraphqlResponseError(body.errors);
        if (status !== 200 || !body.data) throw new Error(`gateway answered ${status} without data`);
        return body.data;
      },
      settled: (timeoutMs = 30_000) => waitUntilSettled(mesh, timeoutMs),
      close: teardown,
    };
    return mesh;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/**
 * The supergraph of the SDL the running subgraphs serve, with their real URLs. The gateway
 * reads it as it reads the committed one; composing here keeps the test independent of
 * which subgraphs the committed file lists at the moment.
 */
async function composeLiveSupergraph(services: Record<SubgraphName, ServiceProcess>): Promise<string> {
  const subgraphs = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const { body } = await graphqlRequest<{ _service: { sdl: string } }>(services[name].graphqlUrl, '{ _service { sdl } }');
      if (!body.data) throw new Error(`${name} did not serve its SDL: ${JSON.stringify(body.errors)}`);
      return { name, url: services[name].graphqlUrl, sdl: body.data._service.sdl };
    }),
  );
  return composeSupergraph(subgraphs);
}

async function unpublishedOutboxRows(mesh: Mesh): Promise<string[]> {
  const pending: string[] = [];
  for (const name of SUBGRAPH_NAMES) {
    const [row] = await mesh.db[name].sources.primary.query(`SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL`);
    if (row.count > 0) pending.push(`${name} outbox: ${row.count}`);
  }
  return pending;
}

/**
 * Light-queue jobs (e-mails, notices) that can run now or wait for a retry after a failed
 * attempt. The heavy queue (reports, maintenance) runs on schedules nothing here waits for.
 */
async function runnableJobs(redisUrl: string, redisPrefix: string): Promise<string[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QueueName.LIGHT, { connection, prefix: `${redisPrefix}bull` });
  try {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'waiting-children');
    const retrying = (await queue.getJobs(['delayed'])).filter((job) => job.attemptsMade > 0).length;
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0) + retrying;
    return total > 0 ? [`${QueueName.LIGHT} queue: ${JSON.stringify({ ...counts, retrying })}`] : [];
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

async function waitUntilSettled(mesh: Mesh, timeoutMs: number): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Outboxes last as well as first: a handler that committed just before its ack may have
    // written an event the relay has not published yet.
    const busy = [
      ...(await unpublishedOutboxRows(mesh)),
      ...(await busyConsumers(mesh.natsPrefix)),
      ...(await runnableJobs(redisUrl, mesh.redisPrefix)),
      ...(await unpublishedOutboxRows(mesh)),
    ];
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`mesh not settled after ${timeoutMs} ms: ${busy.join('; ')}`);
    await sleep(250);
  }
}

/**
 * Runs `work` over `items`, at most `size` at a time. Waits for every started item even when
 * one fails (so nothing is left booting behind the caller's cleanup), then throws the first
 * failure.
 */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const failures: unknown[] = [];
  const lanes = Array.from({ length: Math.min(size, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined && failures.length === 0; item = queue.shift()) {
      await work(item).catch((error: unknown) => failures.push(error));
    }
  });
  await Promise.all(lanes);
  if (failures.length) throw failures[0];
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type AfterQueryEvent, type EntitySubscriberInterface } from 'typeorm';
import { loadConfig } from '@mestres/config';
import {
  createTestDatabase,
  graphqlRequest,
  startServiceProcess,
  startTestApp,
  testServiceEnv,
  type ServiceProcess,
  type TestApp,
  type TestDatabase,
} from '@mestres/testing';
import { catalogDatabase } from '../../../catalog/src/database';
import { seedCatalog } from '../../../catalog/src/seed/seed-catalog';
import { AppModule as CoursesApp } from '../../../courses/src/app.module';
import { coursesConfigSchema } from '../../../courses/src/config';
import { coursesDatabase } from '../../../courses/src/database';
import { AppModule as GatewayApp } from '../../src/app.module';
import { gatewayConfigSchema } from '../../src/config';
import { repositoryRoot, subgraphSchemaFile } from '../../src/supergraph/supergraph-files';

/** Counts the statements a service runs against one table while a request is served. */
class TableQueryCounter implements EntitySubscriberInterface {
  count = 0;
  constructor(private readonly table: RegExp) {}
  afterQuery(event: AfterQueryEvent): void {
    if (this.table.test(event.query)) this.count++;
  }
}

const COURSE_SEATS_QUERY = /* GraphQL */ `
  query CourseSeats {
    products(filter: { kinds: [COURSE_SEAT] }, first: 20) {
      totalCount
      edges { node { id name kind course { slug title level } } }
    }
  }
`;

describe('gateway over catalog and courses', () => {
  let catalogDb: TestDatabase;
  let coursesDb: TestDatabase;
  // The catalog runs as its own process: two code-first subgraphs declaring `Product`
  // cannot share one process (see startServiceProcess).
  let catalog: ServiceProcess;
  let courses: TestApp;
  let gateway: TestApp;
  const linked = new Map<string, string>();

  beforeAll(async () => {
    [catalogDb, coursesDb] = await Promise.all([createTestDatabase(catalogDatabase()), createTestDatabase(coursesDatabase())]);
    await seedCatalog(catalogDb.tx);
    const seats: Array<{ id: string; slug: string }> = await catalogDb.tx.manager.query(
      `SELECT id, slug FROM products WHERE kind = 'COURSE_SEAT' ORDER BY slug LIMIT 3`,
    );
    expect(seats.length).toBe(3);
    for (const [index, seat] of seats.entries()) {
      const slug = `curso-teste-${index}`;
      linked.set(seat.id, slug);
      await coursesDb.tx.manager.query(
        `INSERT INTO course (id, slug, title, description, level, duration_minutes, product_id)
         VALUES (gen_random_uuid(), $1, $2, 'Curso de teste', 'BEGINNER', 240, $3)`,
        [slug, `Curso ${index}`, seat.id],
      );
    }

    catalog = await startServiceProcess('catalog', testServiceEnv(catalogDb.schema));
    courses = await startTestApp('courses', CoursesApp.forRoot(loadConfig('courses', coursesConfigSchema, testServiceEnv(coursesDb.schema))));
    gateway = await startTestApp(
      'gateway',
      GatewayApp.forRoot(
        loadConfig('gateway', gatewayConfigSchema, {
          ...testServiceEnv('unused'),
          CATALOG_URL: catalog.graphqlUrl,
          COURSES_URL: courses.graphqlUrl,
          // Not started: this query must not need them.
          USERS_URL: 'http://127.0.0.1:9/graphql',
          ORDERS_URL: 'http://127.0.0.1:9/graphql',
        }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    for (const app of [gateway, courses]) await app?.close();
    await catalog?.stop();
    await Promise.all([catalogDb?.drop(), coursesDb?.drop()]);
  });

  it('answers one query with data from two subgraphs, served from Postgres', async () => {
    const { status, body } = await graphqlRequest<{
      products: { totalCount: number; edges: Array<{ node: { id: string; kind: string; course: { slug: string } | null } }> };
    }>(gateway.graphqlUrl, COURSE_SEATS_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.products.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(3);
    expect(nodes.every((node) => node.kind === 'COURSE_SEAT')).toBe(true);
    for (const node of nodes) expect(node.course?.slug ?? null).toBe(linked.get(node.id) ?? null);
  });

  it('resolves the whole batch of product references with one SQL statement in the courses subgraph', async () => {
    const counter = new TableQueryCounter(/\bcourse"?\s/i);
    const dataSource = courses.app.get(DataSource);
    dataSource.subscribers.push(counter);
    try {
      const { body } = await graphqlRequest(gateway.graphqlUrl, COURSE_SEATS_QUERY);
      expect(body.errors).toBeUndefined();
      expect(counter.count).toBe(1);
    } finally {
      dataSource.subscribers.splice(dataSource.subscribers.indexOf(counter), 1);
    }
  });

  it.each([
    ['catalog', () => catalog],
    ['courses', () => courses],
  ])('serves the %s SDL that is committed for composition', async (name, app) => {
    const { body } = await graphqlRequest<{ _service: { sdl: string } }>(app().graphqlUrl, '{ _service { sdl } }');
    const committed = readFileSync(path.join(repositoryRoot(), subgraphSchemaFile(name)), 'utf8');
    expect(`${body.data!._service.sdl.trim()}\n`).toBe(committed);
  });

  it('ignores identity headers sent by a client: subgraphs only trust what the gateway signs', async () => {
    const forged = { 'x-mestres-identity': Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'], iat: Date.now() })).toString('base64url'), 'x-mestres-identity-sig': 'f'.repeat(64) };
    const { status, body } = await graphqlRequest(gateway.graphqlUrl, COURSE_SEATS_QUERY, {}, forged);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('rejects a malformed bearer token with UNAUTHENTICATED instead of treating it as anonymous', async () => {
    const { status, body } = await graphqlRequest(gateway.graphqlUrl, COURSE_SEATS_QUERY, {}, { authorization: 'Bearer not-a-jwt' });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

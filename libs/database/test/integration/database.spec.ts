import { Client } from 'pg';
import { isUniqueViolation, migrateService, pgErrorCode, PgErrorCode, type DatabaseMetricsSink } from '@mestres/database';
import { createTestDatabase, dropSchemas, testAdminUrl, uniqueSuffix, type TestDatabase } from '@mestres/testing';
import { Widget, widgetDefinition } from './widget.fixture';

function roleUrl(role: string, password: string): string {
  const url = new URL(testAdminUrl());
  url.username = role;
  url.password = password;
  return url.toString();
}

describe('migrateService', () => {
  const suffix = uniqueSuffix();
  const catalog = { schema: `t_catalog_${suffix}`, role: `t_catalog_${suffix}_svc` };
  const users = { schema: `t_users_${suffix}`, role: `t_users_${suffix}_svc` };
  const settings = (role: string) => ({
    url: roleUrl(role, 'local-test-password'),
    poolSize: 2,
    statementTimeoutMs: 5000,
    slowQueryMs: 1000,
    applicationName: 'test',
  });

  afterAll(() => dropSchemas([catalog.schema, users.schema], [catalog.role, users.role]));

  it('gives each service a role that owns its schema and cannot read another service schema', async () => {
    for (const service of [catalog, users]) {
      await migrateService({
        adminUrl: testAdminUrl(),
        definition: { ...widgetDefinition, schema: service.schema },
        settings: settings(service.role),
      });
    }
    // A second deploy re-provisions an existing role (ALTER path) and applies nothing new.
    const rerun = await migrateService({
      adminUrl: testAdminUrl(),
      definition: { ...widgetDefinition, schema: catalog.schema },
      settings: settings(catalog.role),
    });
    expect(rerun).toEqual([]);
    const asCatalog = new Client({ connectionString: roleUrl(catalog.role, 'local-test-password') });
    await asCatalog.connect();
    try {
      await asCatalog.query(`INSERT INTO widget (name) VALUES ('v60')`);
      expect((await asCatalog.query(`SELECT name FROM widget`)).rows).toEqual([{ name: 'v60' }]);
      const denied = await asCatalog.query(`SELECT * FROM "${users.schema}".widget`).catch((error: unknown) => error);
      expect(pgErrorCode(denied)).toBe(PgErrorCode.INSUFFICIENT_PRIVILEGE);
      const createInPublic = await asCatalog.query(`CREATE TABLE public.sneaky (id int)`).catch((error: unknown) => error);
      expect(pgErrorCode(createInPublic)).toBe(PgErrorCode.INSUFFICIENT_PRIVILEGE);
    } finally {
      await asCatalog.end();
    }
  });

  it('applies each migration once even when replicas migrate at the same time', async () => {
    const schema = `t_race_${suffix}`;
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        migrateService({
          adminUrl: testAdminUrl(),
          definition: { ...widgetDefinition, schema },
          settings: settings('postgres'),
        }),
      ),
    );
    expect(runs.flat()).toEqual(['CreateWidget1700000000000']);
    await dropSchemas([schema]);
  });
});

describe('TransactionHost', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(widgetDefinition);
  });
  afterAll(() => db.drop());

  const names = async () => (await db.tx.manager.find(Widget, { order: { name: 'ASC' } })).map((widget) => widget.name);

  it('commits nested work as one transaction', async () => {
    await db.tx.transaction(async () => {
      await db.tx.manager.insert(Widget, { name: 'grinder' });
      await db.tx.transaction(() => db.tx.manager.insert(Widget, { name: 'kettle' }));
    });
    expect(await names()).toEqual(expect.arrayContaining(['grinder', 'kettle']));
  });

  it('rolls back everything, including joined nested work, when the outer work throws', async () => {
    const attempt = db.tx.transaction(async () => {
      await db.tx.manager.insert(Widget, { name: 'dripper' });
      await db.tx.transaction(() => db.tx.manager.insert(Widget, { name: 'scale' }));
      throw new Error('payment declined');
    });
    await expect(attempt).rejects.toThrow('payment declined');
    expect(await names()).not.toEqual(expect.arrayContaining(['dripper']));
    expect(await names()).not.toEqual(expect.arrayContaining(['scale']));
  });

  it('runs after-commit hooks only once the transaction committed', async () => {
    const seen: string[] = [];
    await db.tx.transaction(async () => {
      await db.tx.manager.insert(Widget, { name: 'filter' });
      await db.tx.afterCommit(() => void seen.push('committed'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['committed']);
    await expect(
      db.tx.transaction(async () => {
        await db.tx.afterCommit(() => void seen.push('should not run'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual(['committed']);
  });

  it('surfaces unique violations so services can turn them into domain errors', async () => {
    await db.tx.manager.insert(Widget, { name: 'moka' });
    const error = await db.tx.manager.insert(Widget, { name: 'moka' }).catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describe('database settings', () => {
  it('cancels statements that exceed the configured statement timeout', async () => {
    const db = await createTestDatabase(widgetDefinition, { statementTimeoutMs: 100 });
    try {
      const error = await db.tx.manager.query('SELECT pg_sleep(2)').catch((caught: unknown) => caught);
      expect(pgErrorCode(error)).toBe(PgErrorCode.QUERY_CANCELED);
    } finally {
      await db.drop();
    }
  });

  it('sends reads to DATABASE_READ_URL when set, and keeps reads inside a transaction on the primary', async () => {
    const db = await createTestDatabase(widgetDefinition, { readUrl: testAdminUrl(), applicationName: 'replica-check' });
    try {
      const appName = async (manager: typeof db.tx.reader) =>
        (await manager.query(`SELECT current_setting('application_name') AS name`))[0].name;
      expect(await appName(db.tx.reader)).toBe('replica-check-ro');
      expect(await appName(db.tx.manager)).toBe('replica-check');
      await db.tx.transaction(async () => expect(await appName(db.tx.reader)).toBe('replica-check'));
    } finally {
      await db.drop();
    }
  });

  it('times every query and flags slow ones to the metrics sink', async () => {
    const db = await createTestDatabase(widgetDefinition, { slowQueryMs: 150 });
    const observed: Array<[string, number]> = [];
    let slow = 0;
    const sink: DatabaseMetricsSink = { observeDbQuery: (kind, seconds) => void observed.push([kind, seconds]), slowQuery: () => void slow++ };
    db.sources.observer.sink = sink;
    try {
      await db.tx.manager.insert(Widget, { name: 'aeropress' });
      await db.tx.manager.query('SELECT pg_sleep(0.2)');
      expect(observed.map(([kind]) => kind)).toEqual(expect.arrayContaining(['write', 'read']));
      expect(slow).toBe(1);
    } finally {
      await db.drop();
    }
  });
});

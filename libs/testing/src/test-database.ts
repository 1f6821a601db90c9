import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  createServiceDataSources,
  initializeServiceDataSources,
  migrateService,
  TransactionHost,
  type DatabaseConnectionSettings,
  type ServiceDataSources,
  type ServiceDatabaseDefinition,
} from '@mestres/database';

/** Superuser URL of the test database (created by the Jest global setup). */
export function testAdminUrl(): string {
  return process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/mestres_test';
}

/** A short random suffix for schema, role, stream and key names that tests create. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export interface TestDatabase {
  schema: string;
  settings: DatabaseConnectionSettings;
  sources: ServiceDataSources;
  tx: TransactionHost;
  /** Closes the pools and drops the schema. */
  drop(): Promise<void>;
}

/**
 * A migrated, throwaway copy of a service's schema (`t_<schema>_<random>`), so tests run
 * in parallel and repeatedly against the real migrations.
 */
export async function createTestDatabase(
  definition: ServiceDatabaseDefinition,
  overrides: Partial<DatabaseConnectionSettings> = {},
): Promise<TestDatabase> {
  const schema = `t_${definition.schema}_${uniqueSuffix()}`;
  const scoped = { ...definition, schema };
  const settings: DatabaseConnectionSettings = {
    url: testAdminUrl(),
    poolSize: 5,
    statementTimeoutMs: 10_000,
    slowQueryMs: 1_000,
    applicationName: `test-${definition.schema}`,
    ...overrides,
  };
  await migrateService({ adminUrl: testAdminUrl(), definition: scoped, settings });
  const sources = createServiceDataSources(scoped, settings);
  await initializeServiceDataSources(sources);
  return {
    schema,
    settings,
    sources,
    tx: new TransactionHost(sources.primary, sources.reader),
    async drop() {
      for (const source of new Set([sources.primary, sources.reader])) if (source.isInitialized) await source.destroy();
      await dropSchemas([schema]);
    },
  };
}

/** Drops schemas (and roles) a test created. */
export async function dropSchemas(schemas: string[], roles: string[] = []): Promise<void> {
  const admin = new Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const role of roles) {
      await admin.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    }
  } finally {
    await admin.end();
  }
}

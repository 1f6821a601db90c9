import { Client } from 'pg';
import { createServiceDataSources, initializeServiceDataSources, quoteIdent } from './create-data-source';
import type { DatabaseConnectionSettings, ServiceDatabaseDefinition } from './database.options';

export interface MigrateServiceOptions {
  /** A role that may create roles, schemas and extensions (only used by this step). */
  adminUrl: string;
  definition: ServiceDatabaseDefinition;
  settings: DatabaseConnectionSettings;
  log?: (line: string) => void;
}

/** Same server as `adminUrl`, same database as the service connects to. */
function adminUrlForServiceDatabase(adminUrl: string, serviceUrl: string): string {
  const admin = new URL(adminUrl);
  admin.pathname = new URL(serviceUrl).pathname;
  return admin.toString();
}

/**
 * Provisions the service's role and schema, then runs its pending migrations as that role,
 * all under a Postgres advisory lock so replicas or parallel Jobs never race.
 *
 * The role owns its schema and is granted nothing else, so it cannot read other services'
 * schemas; `public` only holds shared extensions.
 */
export async function migrateService(options: MigrateServiceOptions): Promise<string[]> {
  const { definition, settings } = options;
  const log = options.log ?? (() => undefined);
  const service = new URL(settings.url);
  const role = decodeURIComponent(service.username);
  const password = decodeURIComponent(service.password);
  const schema = quoteIdent(definition.schema);
  const admin = new Client({ connectionString: adminUrlForServiceDatabase(options.adminUrl, settings.url) });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [`mestres:migrate:${definition.schema}`]);
    const adminRole = (await admin.query<{ current_user: string }>('SELECT current_user')).rows[0].current_user;
    for (const extension of definition.extensions ?? []) {
      await admin.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension)} WITH SCHEMA public`);
    }
    if (role && role !== adminRole) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      // ALTER only restates LOGIN and PASSWORD: a non-superuser admin (managed Postgres) may
      // not even mention SUPERUSER/CREATEDB/CREATEROLE, which CREATE already denied.
      const statement = exists.rowCount
        ? `ALTER ROLE %I WITH LOGIN PASSWORD %L`
        : `CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L`;
      const sql = await admin.query<{ sql: string }>(`SELECT format('${statement}', $1::text, $2::text) AS sql`, [
        role,
        password || null,
      ]);
      await admin.query(sql.rows[0].sql);
      if (!exists.rowCount) log(`created role ${role}`);
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${quoteIdent(role)}`);
      await admin.query(`ALTER SCHEMA ${schema} OWNER TO ${quoteIdent(role)}`);
      await admin.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${quoteIdent(role)}`);
      // Postgres < 15 lets every role create objects in public; close that for all versions.
      await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      await admin.query(`ALTER ROLE ${quoteIdent(role)} SET search_path = ${schema}, public`);
    } else {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    }

    const sources = createServiceDataSources(definition, { ...settings, readUrl: undefined, poolSize: 1 });
    await initializeServiceDataSources(sources);
    const { primary } = sources;
    try {
      const applied = await primary.runMigrations({ transaction: 'each' });
      for (const migration of applied) log(`${definition.schema}: applied ${migration.name}`);
      return applied.map((migration) => migration.name);
    } finally {
      await primary.destroy();
    }
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`mestres:migrate:${definition.schema}`]).catch(() => undefined);
    await admin.end();
  }
}

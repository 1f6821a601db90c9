import { DataSource } from 'typeorm';
import type { DatabaseConnectionSettings, ServiceDatabaseDefinition } from './database.options';
import { QueryObserver } from './query-observer';

export interface ServiceDataSources {
  primary: DataSource;
  /** The read replica when `readUrl` is set, otherwise the primary itself. */
  reader: DataSource;
  observer: QueryObserver;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid Postgres identifier: ${name}`);
  return `"${name}"`;
}

function build(
  url: string,
  definition: ServiceDatabaseDefinition,
  settings: DatabaseConnectionSettings,
  observer: QueryObserver,
  role: 'primary' | 'replica',
) {
  return new DataSource({
    type: 'postgres',
    url,
    schema: definition.schema,
    entities: definition.entities,
    migrations: role === 'primary' ? definition.migrations : [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions are installed by the admin step of migrateService; service roles cannot.
    installExtensions: false,
    // Failed queries surface as exceptions to the caller; TypeORM's own error log would
    // print their parameters, which may hold personal data.
    logging: ['warn', 'migration'],
    subscribers: [],
    applicationName: `${settings.applicationName}${role === 'replica' ? '-ro' : ''}`,
    poolSize: settings.poolSize,
    // Also bounds the wait for a free pooled connection. Generous on purpose: callers are
    // already bounded by the gateway's per-subgraph timeout, and a short wait here turned
    // brief bursts on a busy machine into errors.
    connectTimeoutMS: 10_000,
    extra: {
      // search_path makes the service's unqualified SQL (migrations, raw queries) land in its schema.
      options: `-c search_path=${quoteIdent(definition.schema)},public -c statement_timeout=${settings.statementTimeoutMs}`,
      idleTimeoutMillis: 30_000,
    },
  });
}

/**
 * One DataSource bound to the service's schema (and one to the replica when configured).
 * Queries are timed by a shared observer that the metrics sink can be attached to later.
 */
export function createServiceDataSources(
  definition: ServiceDatabaseDefinition,
  settings: DatabaseConnectionSettings,
): ServiceDataSources {
  const observer = new QueryObserver(settings.slowQueryMs);
  const primary = build(settings.url, definition, settings, observer, 'primary');
  const reader = settings.readUrl ? build(settings.readUrl, definition, settings, observer, 'replica') : primary;
  return { primary, reader, observer };
}

/**
 * Connects the primary (and replica). The query observer is attached after `initialize()`
 * because TypeORM rebuilds its subscriber list there and only accepts classes in options.
 */
export async function initializeServiceDataSources(sources: ServiceDataSources): Promise<void> {
  for (const source of new Set([sources.primary, sources.reader])) {
    if (!source.isInitialized) {
      try {
        await source.initialize();
      } catch (error) {
        const url = new URL((source.options as { url: string }).url);
        throw new Error(`cannot connect to Postgres at ${url.host}${url.pathname}: ${(error as Error).message}`);
      }
    }
    if (!source.subscribers.includes(sources.observer)) source.subscribers.push(sources.observer);
  }
}

export { quoteIdent };

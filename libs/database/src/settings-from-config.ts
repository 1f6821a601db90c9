import type { DatabaseConnectionSettings } from './database.options';

/** Maps the validated DATABASE_* config keys onto connection settings. */
export function databaseSettingsFromConfig(
  applicationName: string,
  config: {
    DATABASE_URL: string;
    DATABASE_READ_URL?: string;
    DATABASE_POOL_SIZE: number;
    DATABASE_STATEMENT_TIMEOUT_MS: number;
    DATABASE_SLOW_QUERY_MS: number;
  },
): DatabaseConnectionSettings {
  return {
    applicationName,
    url: config.DATABASE_URL,
    readUrl: config.DATABASE_READ_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    slowQueryMs: config.DATABASE_SLOW_QUERY_MS,
  };
}

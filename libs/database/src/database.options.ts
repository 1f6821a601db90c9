import type { MixedList } from 'typeorm';

/** What a service declares about its own database: its schema and what lives in it. */
export interface ServiceDatabaseDefinition {
  /** Postgres schema the service owns, e.g. `catalog`. Tests substitute a throwaway schema. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Extensions the migrations need (installed by the admin role into `public`). */
  extensions?: string[];
}

/** Connection settings, read from the service's validated config. */
export interface DatabaseConnectionSettings {
  url: string;
  readUrl?: string;
  poolSize: number;
  statementTimeoutMs: number;
  slowQueryMs: number;
  /** Name shown in pg_stat_activity, e.g. `catalog`. */
  applicationName: string;
}

/** Receives query and pool measurements; the observability lib implements it. */
export interface DatabaseMetricsSink {
  observeDbQuery(kind: 'read' | 'write', seconds: number): void;
  slowQuery(): void;
}

export const DATABASE_METRICS = Symbol('DATABASE_METRICS');

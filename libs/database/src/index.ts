export type {
  ServiceDatabaseDefinition,
  DatabaseConnectionSettings,
  DatabaseMetricsSink,
} from './database.options';
export { DATABASE_METRICS } from './database.options';
export { createServiceDataSources, initializeServiceDataSources, type ServiceDataSources } from './create-data-source';
export { TransactionHost } from './transaction-host';
export { DatabaseModule, DatabaseReadinessCheck } from './database.module';
export { migrateService, type MigrateServiceOptions } from './migrate-service';
export { databaseSettingsFromConfig } from './settings-from-config';
export { PgErrorCode, pgErrorCode, isUniqueViolation } from './postgres-errors';

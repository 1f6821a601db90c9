// Entry of the catalog child process that integration tests boot (see catalog-harness.ts):
// migrates and seeds a throwaway schema, then runs the real catalog service on it.
import { databaseSettingsFromConfig, migrateService } from '@mestres/database';
import { loadConfig } from '@mestres/config';
import { bootstrapService, serviceOptionsFromConfig } from '@mestres/service';
import { TransactionHost, createServiceDataSources, initializeServiceDataSources } from '@mestres/database';
import { AppModule } from '../../../catalog/src/app.module';
import { catalogConfigSchema } from '../../../catalog/src/config';
import { catalogDatabase } from '../../../catalog/src/database';
import { seedCatalog } from '../../../catalog/src/seed/seed-catalog';

async function main(): Promise<void> {
  const config = loadConfig('catalog', catalogConfigSchema, process.env);
  const definition = catalogDatabase(config.DATABASE_SCHEMA);
  const settings = databaseSettingsFromConfig('catalog-test', config);
  await migrateService({ adminUrl: config.DATABASE_URL, definition, settings });
  const sources = createServiceDataSources(definition, { ...settings, poolSize: 1 });
  await initializeServiceDataSources(sources);
  await seedCatalog(new TransactionHost(sources.primary));
  await sources.primary.destroy();
  await bootstrapService({ ...serviceOptionsFromConfig('catalog', config), module: AppModule.forRoot(config), port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`catalog test process failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

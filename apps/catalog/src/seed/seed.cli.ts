// `npm run seed` runs this: the demo catalog (development only).
import 'reflect-metadata';
import { loadConfig } from '@mestres/config';
import { createServiceDataSources, databaseSettingsFromConfig, initializeServiceDataSources, TransactionHost } from '@mestres/database';
import { catalogConfigSchema } from '../config';
import { catalogDatabase } from '../database';
import { seedCatalog } from './seed-catalog';

async function main(): Promise<void> {
  const config = loadConfig('catalog', catalogConfigSchema);
  if (config.NODE_ENV === 'production') throw new Error('the demo catalog is not loaded with NODE_ENV=production');
  const sources = createServiceDataSources(catalogDatabase(config.DATABASE_SCHEMA), {
    ...databaseSettingsFromConfig('catalog-seed', config),
    readUrl: undefined,
    poolSize: 1,
    statementTimeoutMs: 60_000,
    // Bulk upserts are expected to take a while; do not log them as slow.
    slowQueryMs: 60_000,
  });
  await initializeServiceDataSources(sources);
  try {
    const summary = await seedCatalog(new TransactionHost(sources.primary));
    console.log(`seed catalog: ${summary.categories} categories, ${summary.products} products, ${summary.variants} variants`);
  } finally {
    await sources.primary.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`seed catalog: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import 'reflect-metadata';
import { loadConfigOrExit } from '@mestres/config';
import { createServiceDataSources, databaseSettingsFromConfig, initializeServiceDataSources, TransactionHost } from '@mestres/database';
import { catalogConfigSchema } from '../config';
import { catalogDatabase } from '../database';
import { seedLargeCatalog } from './large-catalog';

/**
 * Benchmark data: `node dist/apps/catalog/src/seed/seed-large.js [--products=100000]`.
 * Needs a migrated catalog schema (`npm run migrate`); safe to re-run.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('catalog', catalogConfigSchema);
  const argument = process.argv.find((arg) => arg.startsWith('--products='));
  const products = argument ? Number(argument.split('=')[1]) : 100_000;
  if (!Number.isInteger(products) || products < 1) throw new Error('--products must be a positive whole number');
  const settings = { ...databaseSettingsFromConfig('catalog-seed-large', config), poolSize: 1, statementTimeoutMs: 15 * 60_000, slowQueryMs: 15 * 60_000 };
  const sources = createServiceDataSources(catalogDatabase(config.DATABASE_SCHEMA), settings);
  await initializeServiceDataSources(sources);
  const started = Date.now();
  try {
    const result = await seedLargeCatalog(new TransactionHost(sources.primary), { products, log: (line) => process.stdout.write(`${line}\n`) });
    process.stdout.write(`catalog: ${result.products} products, ${result.variants} variants in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await sources.primary.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed-large failed: ${(error as Error).message}\n`);
  process.exit(1);
});

// `npm run seed` runs this after the users and catalog seeds: order partitions and two orders of
// the demo customer. Idempotent; refuses NODE_ENV=production.
import 'reflect-metadata';
import { loadConfigOrExit, z } from '@mestres/config';
import { demoUserId } from '@mestres/contracts';
import { createServiceDataSources, databaseSettingsFromConfig, initializeServiceDataSources, TransactionHost } from '@mestres/database';
import { ordersConfigSchema } from '../config';
import { ordersDatabase } from '../database';
import { DEMO_CUSTOMER_EMAIL } from './demo-orders';
import { seedOrders } from './seed-orders';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const seedConfigSchema = ordersConfigSchema.extend({
  /** The demo customer's user id. Default: the stable id the users seed gives cliente@mestres.cafe. */
  SEED_CUSTOMER_ID: z.string().regex(UUID, 'must be a UUID').optional(),
});

async function main(): Promise<void> {
  const config = loadConfigOrExit('orders-seed', seedConfigSchema);
  if (config.NODE_ENV === 'production') {
    console.error('orders seed: refusing to load demo data with NODE_ENV=production');
    process.exit(1);
  }
  const sources = createServiceDataSources(ordersDatabase(config.DATABASE_SCHEMA), {
    ...databaseSettingsFromConfig('orders-seed', config),
    readUrl: undefined,
    poolSize: 1,
  });
  await initializeServiceDataSources(sources);
  try {
    const customerId = config.SEED_CUSTOMER_ID ?? demoUserId(DEMO_CUSTOMER_EMAIL);
    const summary = await seedOrders(new TransactionHost(sources.primary), {
      customerId,
      shipping: { flatCents: config.SHIPPING_FLAT_CENTS, freeFromCents: config.FREE_SHIPPING_THRESHOLD_CENTS },
      monthsAhead: config.ORDER_PARTITIONS_MONTHS_AHEAD,
    });
    console.log(
      `orders: ${summary.created} demo orders created, ${summary.skipped} already there (customer ${customerId}); partitions created: ${summary.partitionsCreated.length}`,
    );
  } finally {
    await sources.primary.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`orders seed failed: ${(error as Error).message}`);
  process.exit(1);
});

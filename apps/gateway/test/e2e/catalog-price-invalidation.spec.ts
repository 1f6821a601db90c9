import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokenSigner, loadAccessTokenSigningKey, Role, signIdentity } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import { createTestDatabase, deleteStreams, startTestApp, testServiceEnv, type TestApp, type TestDatabase } from '@mestres/testing';
import { AppModule as CatalogApp } from '../../../catalog/src/app.module';
import { catalogConfigSchema } from '../../../catalog/src/config';
import { catalogDatabase } from '../../../catalog/src/database';
import { seedCatalog } from '../../../catalog/src/seed/seed-catalog';
import { AppModule as GatewayApp } from '../../src/app.module';
import { gatewayConfigSchema } from '../../src/config';
import { post } from './support/benchmark-mesh';

const PRODUCT_PRICES = /* GraphQL */ `
  query ProductPrices($slug: String!) {
    product(slug: $slug) { id name variants { sku priceCents } }
  }
`;
const SET_PRICE = /* GraphQL */ `
  mutation SetPrice($sku: String!, $priceCents: Int!) {
    setVariantPrice(sku: $sku, priceCents: $priceCents) { sku priceCents }
  }
`;

const PRODUCT_STOCK = /* GraphQL */ `
  query ProductStock($slug: String!) {
    product(slug: $slug) { id inStock variants { sku availableQuantity } }
  }
`;
const ADJUST_STOCK = /* GraphQL */ `
  mutation AdjustStock($sku: String!, $delta: Int!) {
    adjustStock(sku: $sku, delta: $delta, reason: RECEIVED) { sku }
  }
`;

interface ProductPrices {
  product: { id: string; variants: Array<{ sku: string; priceCents: number }> };
}

describe('gateway response cache over the catalog', () => {
  let db: TestDatabase;
  let catalog: TestApp;
  let gateway: TestApp;
  let natsPrefix: string;
  let internalSecret: string;
  let slug: string;
  let sku: string;

  const read = () => post<ProductPrices>(gateway.graphqlUrl, { query: PRODUCT_PRICES, variables: { slug } });
  const priceOf = (result: Awaited<ReturnType<typeof read>>) => result.body.data?.product.variants.find((variant) => variant.sku === sku)?.priceCents;

  beforeAll(async () => {
    db = await createTestDatabase(catalogDatabase());
    await seedCatalog(db.tx);
    [{ slug, sku }] = await db.tx.manager.query(
      `SELECT p.slug, v.sku FROM products p JOIN product_variants v ON v.product_id = p.id
        WHERE p.status = 'ACTIVE' AND p.kind = 'COFFEE' ORDER BY p.slug, v.sku LIMIT 1`,
    );
    const catalogEnv = testServiceEnv(db.schema);
    natsPrefix = catalogEnv.NATS_PREFIX;
    const catalogConfig = loadConfig('catalog', catalogConfigSchema, catalogEnv);
    internalSecret = catalogConfig.INTERNAL_AUTH_SECRET;
    catalog = await startTestApp('catalog', CatalogApp.forRoot(catalogConfig));
    gateway = await startTestApp(
      'gateway',
      GatewayApp.forRoot(
        loadConfig('gateway', gatewayConfigSchema, {
          ...testServiceEnv('unused'),
          // The gateway listens to the catalog's events: same NATS prefix.
          NATS_PREFIX: natsPrefix,
          CATALOG_URL: catalog.graphqlUrl,
          COURSES_URL: 'http://127.0.0.1:9/graphql',
          USERS_URL: 'http://127.0.0.1:9/graphql',
          ORDERS_URL: 'http://127.0.0.1:9/graphql',
        }),
      ),
    );
    // The cache serves once the invalidation feed is live.
    for (let i = 0; i < 100 && (await read()).headers.get('x-mestres-cache') !== 'hit'; i++) await sleep(100);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
    await db?.drop();
  });

  it('caches a public product read from the catalog', async () => {
    const first = await read();
    const second = await read();
    expect(second.headers.get('x-mestres-cache')).toBe('hit');
    expect(priceOf(second)).toBe(priceOf(first));
  });

  it('shows a price changed through the gateway on the very next read', async () => {
    const signer = new AccessTokenSigner(await loadAccessTokenSigningKey({ NODE_ENV: 'test' }), {
      issuer: 'mestres-cafe-users',
      audience: 'mestres-cafe-api',
      ttlSeconds: 300,
    });
    const { token } = await signer.sign({ userId: 'admin-1', roles: [Role.ADMIN], sessionId: 'session-admin-1', tokenVersion: 1 });
    const newPrice = (priceOf(await read()) ?? 0) + 100;
    const changed = await post(gateway.graphqlUrl, { query: SET_PRICE, variables: { sku, priceCents: newPrice } }, { authorization: `Bearer ${token}` });
    expect(changed.body.errors).toBeUndefined();
    const next = await read();
    expect(next.headers.get('x-mestres-cache')).toBe('miss');
    expect(priceOf(next)).toBe(newPrice);
  });

  it('drops the cached page when the catalog announces a price change made elsewhere', async () => {
    // The event of the previous test's change may still be on its way and drop the page once
    // more: read until it is cached again.
    let cached = await read();
    for (let i = 0; i < 50 && cached.headers.get('x-mestres-cache') !== 'hit'; i++) {
      await sleep(100);
      cached = await read();
    }
    expect(cached.headers.get('x-mestres-cache')).toBe('hit');
    const newPrice = (priceOf(await read()) ?? 0) + 250;
    // Straight to the catalog, as another gateway pod or an admin tool would: this gateway
    // only learns of it from the catalog.product.price-changed.v1 event.
    const admin = signIdentity({ userId: 'admin-1', roles: [Role.ADMIN] }, internalSecret);
    const changed = await post(catalog.graphqlUrl, { query: SET_PRICE, variables: { sku, priceCents: newPrice } }, admin);
    expect(changed.body.errors).toBeUndefined();
    let latest = await read();
    for (let i = 0; i < 100 && priceOf(latest) !== newPrice; i++) {
      await sleep(100);
      latest = await read();
    }
    expect(priceOf(latest)).toBe(newPrice);
  });

  it('drops the cached page when the catalog announces a stock change of a SKU it shows', async () => {
    type ProductStock = { product: { variants: Array<{ sku: string; availableQuantity: number }> } };
    const readStock = () => post<ProductStock>(gateway.graphqlUrl, { query: PRODUCT_STOCK, variables: { slug } });
    const quantityOf = (result: Awaited<ReturnType<typeof readStock>>) => result.body.data?.product.variants.find((variant) => variant.sku === sku)?.availableQuantity;
    const before = quantityOf(await readStock());
    expect((await readStock()).headers.get('x-mestres-cache')).toBe('hit');
    // Stock fields are cached for 30 s: only the catalog.stock.changed.v1 event can make the
    // next reads show the delivery sooner.
    const admin = signIdentity({ userId: 'admin-1', roles: [Role.ADMIN] }, internalSecret);
    const adjusted = await post(catalog.graphqlUrl, { query: ADJUST_STOCK, variables: { sku, delta: 7 } }, admin);
    expect(adjusted.body.errors).toBeUndefined();
    let latest = await readStock();
    for (let i = 0; i < 50 && quantityOf(latest) === before; i++) {
      await sleep(100);
      latest = await readStock();
    }
    expect(quantityOf(latest)).toBe((before ?? 0) + 7);
  });
});

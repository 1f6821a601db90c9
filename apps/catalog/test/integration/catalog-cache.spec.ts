import { CatalogCache } from '../../src/shared/catalog-cache';
import { StockService } from '../../src/stock/stock.service';
import { aProduct } from '../builders/product.builder';
import { countStatements, startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

describe(CatalogCache.name, () => {
  let catalog: CatalogTestApp;

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it('loads a cold product page once for a burst of concurrent readers (stampede protection)', async () => {
    const statements = countStatements(catalog.app, /FROM products p WHERE p\.slug = \$1/);
    const query = `{ product(slug: "aeropress-original") { id name variants { priceCents } } }`;
    const results = await Promise.all(Array.from({ length: 40 }, () => catalog.graphql(query)));
    statements.stop();
    expect(new Set(results.map((result) => JSON.stringify(result.data))).size).toBe(1);
    expect(results[0].data!.product.name).toBe('AeroPress Original');
    expect(statements.count).toBe(1);
  });

  it('serves repeated list and search pages from the cache', async () => {
    const list = `{ products(filter: { kinds: [EQUIPMENT] }, sort: PRICE_ASC, first: 5) { totalCount edges { node { slug } } } }`;
    const search = `{ search(query: "chaleira") { totalCount edges { node { slug } } } }`;
    await catalog.graphql(list);
    await catalog.graphql(search);
    const statements = countStatements(catalog.app, /FROM products p/);
    const again = await Promise.all([catalog.graphql(list), catalog.graphql(search)]);
    statements.stop();
    expect(again.every((result) => !result.errors)).toBe(true);
    expect(statements.count).toBe(0);
  });

  it('drops cached in-stock lists as soon as a product sells out', async () => {
    const product = await aProduct().withStock(2).insert(catalog.db.tx);
    const list = `{ products(filter: { inStock: true }, sort: PRICE_ASC, first: 100) { edges { node { slug } } } }`;
    const slugs = async () => (await catalog.graphql(list)).data!.products.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
    expect(await slugs()).toContain(product.slug);
    expect(await slugs()).toContain(product.slug);
    await catalog.app.get(StockService).reserve(`sellout-${product.slug}`, [{ sku: product.variants[0].sku, quantity: 2 }]);
    expect(await slugs()).not.toContain(product.slug);
  });

  it('exports hit and miss counts as Prometheus metrics', async () => {
    await catalog.graphql(`{ product(slug: "chemex-classica-8-xicaras") { id } }`);
    await catalog.graphql(`{ product(slug: "chemex-classica-8-xicaras") { id } }`);
    const metrics = (await catalog.app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (result: string) =>
      Number(new RegExp(`mestres_cache_requests_total\\{[^}]*cache="catalog"[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(value('hit')).toBeGreaterThanOrEqual(1);
    expect(value('miss')).toBeGreaterThanOrEqual(1);
  });
});

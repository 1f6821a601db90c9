import { buildDemoCatalog } from '../../src/seed/demo-catalog';
import { countStatements, startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

const ENTITIES = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Product { id slug name variants { sku priceCents } }
      ... on ProductVariant { sku name priceCents availableQuantity product { id slug } }
    }
  }`;

describe('federated entities (Product @key(id), ProductVariant @key(sku))', () => {
  let catalog: CatalogTestApp;
  const demo = buildDemoCatalog();

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it('declares both entity keys in the subgraph SDL', async () => {
    const result = await catalog.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = result.data!._service.sdl;
    expect(sdl).toMatch(/type Product @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ProductVariant @key\(fields: "sku"\)/);
  });

  it('resolves a batch of product references with one SQL statement, in order, null for unknown ids', async () => {
    const products = demo.products.slice(0, 40);
    const representations = [
      ...products.map((product) => ({ __typename: 'Product', id: product.id })),
      { __typename: 'Product', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Product', id: 'not-a-uuid' },
    ];
    const statements = countStatements(catalog.app, /FROM products p WHERE p\.id = ANY/);
    const result = await catalog.graphql<{ _entities: Array<{ id: string; slug: string; variants: unknown[] } | null> }>(ENTITIES, { representations });
    statements.stop();
    expect(result.errors).toBeUndefined();
    expect(statements.count).toBe(1);
    expect(result.data!._entities.slice(0, 40).map((entity) => entity?.slug)).toEqual(products.map((product) => product.slug));
    expect(result.data!._entities.slice(40)).toEqual([null, null]);
    expect(result.data!._entities[0]!.variants).toHaveLength(products[0].variants.length);
  });

  it('resolves a batch of variant references with one SQL statement for variants, one for stock and one for products', async () => {
    const variants = demo.products.slice(10, 30).flatMap((product) => product.variants.slice(0, 2));
    const representations = variants.map((variant) => ({ __typename: 'ProductVariant', sku: variant.sku }));
    const variantStatements = countStatements(catalog.app, /FROM product_variants WHERE sku = ANY/);
    const stockStatements = countStatements(catalog.app, /FROM stock_levels s JOIN product_variants v ON v\.sku = s\.sku WHERE s\.sku = ANY/);
    const productStatements = countStatements(catalog.app, /FROM products p WHERE p\.id = ANY/);
    const result = await catalog.graphql<{ _entities: Array<{ sku: string; availableQuantity: number; product: { slug: string } }> }>(ENTITIES, { representations });
    for (const counter of [variantStatements, stockStatements, productStatements]) counter.stop();
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((entity) => entity.sku)).toEqual(variants.map((variant) => variant.sku));
    expect(result.data!._entities.map((entity) => entity.availableQuantity)).toEqual(variants.map((variant) => variant.onHand));
    expect([variantStatements.count, stockStatements.count, productStatements.count]).toEqual([1, 1, 1]);
  });
});

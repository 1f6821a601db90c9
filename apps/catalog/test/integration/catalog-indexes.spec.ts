import { createTestDatabase, type TestDatabase } from '@mestres/testing';
import { catalogDatabase } from '../../src/database';
import { listQuery } from '../../src/search/catalog-query';
import { correctionStatement, countStatement, facetStatement, pageStatement, type SqlStatement } from '../../src/search/catalog-sql';
import { ProductSort } from '../../src/search/product-sort.enum';
import { seedLargeCatalog } from '../../src/seed/large-catalog';
import { categoryIdForSlug } from '../../src/shared/stable-id';

/**
 * The read indexes are used by the statements the catalog really runs, on a generated catalog
 * big enough for the planner to prefer them (docs/catalog-indexes.md has the 100k plans).
 */
describe('catalog read indexes', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(catalogDatabase(), { statementTimeoutMs: 120_000 });
    await seedLargeCatalog(db.tx, { products: 20_000, batchSize: 10_000 });
    await db.sources.primary.query('VACUUM ANALYZE products');
  }, 180_000);

  afterAll(async () => {
    await db?.drop();
  });

  async function plan(statement: SqlStatement): Promise<string> {
    const rows: Array<{ 'QUERY PLAN': string }> = await db.sources.primary.query(`EXPLAIN ${statement.text}`, statement.values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  it('generated the large catalog with three SKUs per product', async () => {
    const [row] = await db.sources.primary.query(`SELECT (SELECT count(*) FROM products WHERE slug LIKE 'bench-%')::int AS products, (SELECT count(*) FROM product_variants WHERE sku LIKE 'BENCH-%')::int AS variants`);
    expect(row).toEqual({ products: 20_000, variants: 60_000 });
  });

  it.each([
    ['newest first', listQuery({ filter: {}, first: 20 }), 'products_active_newest_idx'],
    ['by name', listQuery({ filter: {}, sort: ProductSort.NAME, first: 20 }), 'products_active_name_idx'],
    ['by score', listQuery({ filter: {}, sort: ProductSort.SCORE, first: 20 }), 'products_active_score_idx'],
    ['by price', listQuery({ filter: {}, sort: ProductSort.PRICE_DESC, first: 20 }), 'products_active_price_idx'],
    ['search', listQuery({ filter: {}, first: 20, search: { text: 'geisha lavado', correctable: false } }), 'products_search_vector_idx'],
  ])('pages %s through its index', async (_name, query, index) => {
    expect(await plan(pageStatement(query))).toContain(index);
  });

  it('counts a category from the (category, price) index alone', async () => {
    const count = await plan(countStatement({ categoryIds: [categoryIdForSlug('cafes-da-etiopia')] }));
    expect(count).toMatch(/Index Only Scan using products_active_category_price_idx/);
  });

  it('computes search facets from the full-text index', async () => {
    expect(await plan(facetStatement({}, { text: 'geisha', correctable: false }))).toContain('products_search_vector_idx');
  });

  it('corrects typos against the lexicon', async () => {
    const [row] = await db.sources.primary.query(correctionStatement('etiopai').text, ['etiopai']);
    expect(row.corrected).toMatch(/^etiop/);
  });
});

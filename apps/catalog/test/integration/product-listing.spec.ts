import { ProductSort } from '../../src/search/product-sort.enum';
import { categoryIdForSlug, productIdForSlug } from '../../src/shared/stable-id';
import { startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

const PRODUCTS = `
  query Products($filter: ProductFilterInput, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id slug name kind minPriceCents createdAt coffee { originCountry process roastLevel scaScore } category { slug } tags } }
    }
  }`;

interface Node {
  id: string;
  slug: string;
  name: string;
  kind: string;
  minPriceCents: number;
  createdAt: string;
  coffee: { originCountry: string; process: string; roastLevel: string; scaScore: number | null } | null;
  category: { slug: string };
  tags: string[];
}
interface ProductsData {
  products: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Node }> };
}

describe('SearchResolver.products', () => {
  let catalog: CatalogTestApp;

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  async function list(variables: Record<string, unknown>) {
    const result = await catalog.graphql<ProductsData>(PRODUCTS, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.products;
  }

  /** Walks every page and returns the nodes in order. */
  async function walk(variables: Record<string, unknown>, first: number): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const connection: ProductsData['products'] = await list({ ...variables, first, after });
      nodes.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) return nodes;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it.each([
    [ProductSort.NEWEST, (a: Node, b: Node) => b.createdAt.localeCompare(a.createdAt)],
    [ProductSort.PRICE_ASC, (a: Node, b: Node) => a.minPriceCents - b.minPriceCents],
    [ProductSort.PRICE_DESC, (a: Node, b: Node) => b.minPriceCents - a.minPriceCents],
    [ProductSort.SCORE, (a: Node, b: Node) => (b.coffee?.scaScore ?? -1) - (a.coffee?.scaScore ?? -1)],
  ])('pages through all products sorted by %s without gaps or repeats', async (sort, compare) => {
    const all = await list({ sort, first: 100 });
    const paged = await walk({ sort }, 7);
    expect(paged).toHaveLength(all.totalCount);
    expect(new Set(paged.map((node) => node.id)).size).toBe(all.totalCount);
    for (let i = 1; i < paged.length; i++) expect(compare(paged[i - 1], paged[i])).toBeLessThanOrEqual(0);
  });

  it('sorts by name ignoring accents and case', async () => {
    const names = (await walk({ sort: ProductSort.NAME }, 50)).map((node) => node.name);
    const key = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    for (let i = 1; i < names.length; i++) expect(key(names[i - 1]) <= key(names[i])).toBe(true);
  });

  it('keeps cursors stable: the same cursor gives the same next page', async () => {
    const first = await list({ sort: ProductSort.PRICE_ASC, first: 5 });
    const again = await list({ sort: ProductSort.PRICE_ASC, first: 5, after: first.pageInfo.endCursor });
    const twice = await list({ sort: ProductSort.PRICE_ASC, first: 5, after: first.pageInfo.endCursor });
    expect(twice.edges.map((edge) => edge.node.id)).toEqual(again.edges.map((edge) => edge.node.id));
    expect(again.edges[0].node.minPriceCents).toBeGreaterThanOrEqual(first.edges.at(-1)!.node.minPriceCents);
  });

  it('filters by category including its descendants', async () => {
    const especiais = await walk({ filter: { categorySlug: 'cafes-especiais' } }, 100);
    expect(new Set(especiais.map((node) => node.category.slug))).toEqual(
      new Set(['cafes-do-brasil', 'cafes-da-etiopia', 'cafes-da-colombia', 'cafes-do-quenia', 'cafes-da-america-central', 'outras-origens']),
    );
    const byId = await list({ filter: { categoryId: categoryIdForSlug('cafes') }, first: 1 });
    const blends = await list({ filter: { categorySlug: 'blends' }, first: 1 });
    expect(byId.totalCount).toBe(especiais.length + blends.totalCount);
  });

  it('combines kind, price, origin, process, roast and tag filters', async () => {
    const filter = {
      kinds: ['COFFEE'],
      priceMinCents: 4_000,
      priceMaxCents: 9_000,
      origins: ['etiopia', 'BRASIL'],
      processes: ['NATURAL', 'WASHED'],
      roastLevels: ['LIGHT', 'MEDIUM_LIGHT'],
    };
    const nodes = await walk({ filter }, 100);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.kind).toBe('COFFEE');
      expect(node.minPriceCents).toBeGreaterThanOrEqual(4_000);
      expect(node.minPriceCents).toBeLessThanOrEqual(9_000);
      expect(['Etiópia', 'Brasil']).toContain(node.coffee!.originCountry);
      expect(['NATURAL', 'WASHED']).toContain(node.coffee!.process);
      expect(['LIGHT', 'MEDIUM_LIGHT']).toContain(node.coffee!.roastLevel);
    }
    const tagged = await walk({ filter: { tags: ['v60', 'coado'] } }, 100);
    expect(tagged.length).toBeGreaterThan(0);
    for (const node of tagged) expect(node.tags).toEqual(expect.arrayContaining(['v60', 'coado']));
  });

  it('filters on stock: sold-out products only appear with inStock false', async () => {
    const inStock = await list({ filter: { inStock: true }, first: 1 });
    const soldOut = await walk({ filter: { inStock: false } }, 100);
    const all = await list({ first: 1 });
    expect(soldOut.length).toBeGreaterThan(0);
    expect(inStock.totalCount + soldOut.length).toBe(all.totalCount);
    const [row] = await catalog.db.sources.primary.query(
      `SELECT count(*)::int AS n FROM product_variants v JOIN stock_levels s USING (sku) WHERE v.product_id = ANY($1::uuid[]) AND s.on_hand > s.reserved`,
      [soldOut.map((node) => node.id)],
    );
    expect(row.n).toBe(0);
  });

  it('answers BAD_USER_INPUT naming the argument for invalid filters, sorts, pages and cursors', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ filter: { priceMinCents: 10_000, priceMaxCents: 100 } }, 'filter.priceMaxCents'],
      [{ filter: { categorySlug: 'nao-existe' } }, 'filter.categorySlug'],
      [{ filter: { categoryId: 'abc' } }, 'filter.categoryId'],
      [{ filter: { origins: ['x'.repeat(61)] } }, 'filter.origins[0]'],
      [{ sort: 'RELEVANCE' }, 'sort'],
      [{ first: 101 }, 'first'],
      [{ first: 0 }, 'first'],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const result = await catalog.graphql(PRODUCTS, variables);
      expect(result.status).toBe(200);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('sends a public cache-control hint for list reads', async () => {
    const result = await catalog.graphql(PRODUCTS, { first: 1 });
    expect(result.headers['cache-control']).toMatch(/max-age=\d+, public/);
  });
});

describe('ProductsResolver.product', () => {
  let catalog: CatalogTestApp;
  const QUERY = `query ($id: ID, $slug: String) { product(id: $id, slug: $slug) { id slug name status variants { sku } category { slug breadcrumbs { slug name } } } }`;

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  it('finds a product by id or slug, with breadcrumbs', async () => {
    const slug = 'etiopia-yirgacheffe-kochere-lavado';
    const byId = await catalog.graphql(QUERY, { id: productIdForSlug(slug) });
    const bySlug = await catalog.graphql(QUERY, { slug });
    expect(byId.data!.product).toEqual(bySlug.data!.product);
    expect(bySlug.data!.product.category.breadcrumbs.map((crumb: { slug: string }) => crumb.slug)).toEqual(['cafes', 'cafes-especiais', 'cafes-da-etiopia']);
  });

  it('finds the product of a SKU', async () => {
    const { data } = await catalog.graphql(QUERY, { slug: 'chemex-classica-6-xicaras' });
    const sku = data!.product.variants[0].sku;
    const result = await catalog.graphql(`query ($sku: String!) { productBySku(sku: $sku) { slug } }`, { sku });
    expect(result.data!.productBySku.slug).toBe('chemex-classica-6-xicaras');
  });

  it('answers null for unknown or malformed ids, slugs and SKUs', async () => {
    for (const variables of [{ id: '00000000-0000-4000-8000-000000000000' }, { id: 'not-a-uuid' }, { slug: 'nao-existe' }, { slug: "'; DROP TABLE products; --" }]) {
      const result = await catalog.graphql(QUERY, variables);
      expect(result.errors).toBeUndefined();
      expect(result.data!.product).toBeNull();
    }
    const bySku = await catalog.graphql(`{ productBySku(sku: "nope\\u0000") { id } }`);
    expect(bySku.errors).toBeUndefined();
    expect(bySku.data!.productBySku).toBeNull();
  });

  it('rejects asking by both id and slug, or by neither', async () => {
    const both = await catalog.graphql(QUERY, { id: productIdForSlug('blend-da-casa'), slug: 'blend-da-casa' });
    const neither = await catalog.graphql(QUERY, {});
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(neither.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns the category tree with children', async () => {
    const result = await catalog.graphql(`{ categories { slug children { slug children { slug } } } }`);
    const cafes = result.data!.categories.find((category: { slug: string }) => category.slug === 'cafes');
    expect(cafes.children.map((child: { slug: string }) => child.slug)).toEqual(['cafes-especiais', 'blends']);
    expect(cafes.children[0].children).toHaveLength(6);
  });
});

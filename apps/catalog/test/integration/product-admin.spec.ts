import { CacheService } from '@mestres/cache';
import { categoryIdForSlug } from '../../src/shared/stable-id';
import { aProduct } from '../builders/product.builder';
import { startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

const CREATE = `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) { id slug status minPriceCents variants { sku priceCents availableQuantity } coffee { originCountry scaScore } }
  }`;
const SET_PRICE = `
  mutation ($sku: String!, $priceCents: Int!, $compareAtPriceCents: Int) {
    setVariantPrice(sku: $sku, priceCents: $priceCents, compareAtPriceCents: $compareAtPriceCents) { sku priceCents compareAtPriceCents }
  }`;
const PRODUCT = `query ($slug: String!) { product(slug: $slug) { id name status minPriceCents variants { sku priceCents } } }`;

describe('catalog administration', () => {
  let catalog: CatalogTestApp;

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  const newProduct = (slug: string, overrides: Record<string, unknown> = {}) => ({
    slug,
    kind: 'COFFEE',
    name: 'Fazenda Nova Bourbon Amarelo Natural',
    description: 'Café de teste com notas de caramelo.',
    categoryId: categoryIdForSlug('cafes-do-brasil'),
    status: 'ACTIVE',
    coffee: { originCountry: 'Brasil', originRegion: 'Sul de Minas', process: 'NATURAL', roastLevel: 'MEDIUM', scaScore: 86.5, tastingNotes: ['caramelo'] },
    variants: [
      { sku: `${slug.toUpperCase()}-250`, name: '250 g', priceCents: 5_990, initialStock: 10 },
      { sku: `${slug.toUpperCase()}-1000`, name: '1 kg', priceCents: 19_990, compareAtPriceCents: 22_990 },
    ],
    ...overrides,
  });

  const outboxSubjects = async (productId: string): Promise<string[]> =>
    (
      await catalog.db.sources.primary.query(`SELECT subject FROM outbox WHERE envelope->'payload'->>'productId' = $1 ORDER BY id`, [productId])
    ).map((row: { subject: string }) => row.subject);

  it('refuses admin mutations to anonymous callers and to customers', async () => {
    const anonymous = await catalog.graphql(CREATE, { input: newProduct('sem-login') });
    const customer = await catalog.graphql(CREATE, { input: newProduct('cliente') }, 'customer');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(customer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adjust = await catalog.graphql(`mutation { adjustStock(sku: "X-1", delta: 1, reason: RECEIVED) { onHand } }`, {}, 'customer');
    expect(adjust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('creates a product with variants and stock, and records ProductCreated in the outbox', async () => {
    const result = await catalog.graphql(CREATE, { input: newProduct('cafe-admin-novo') }, 'admin');
    expect(result.errors).toBeUndefined();
    const created = result.data!.createProduct;
    expect(created).toMatchObject({ slug: 'cafe-admin-novo', status: 'ACTIVE', minPriceCents: 5_990, coffee: { originCountry: 'Brasil', scaScore: 86.5 } });
    expect(created.variants.map((variant: { availableQuantity: number }) => variant.availableQuantity)).toEqual([10, 0]);
    expect(await outboxSubjects(created.id)).toEqual(['catalog.product.created.v1']);
    const found = await catalog.graphql(`{ search(query: "fazenda nova") { edges { node { slug } } } }`);
    expect(found.data!.search.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toContain('cafe-admin-novo');
  });

  it.each([
    ['input.slug', { slug: 'Slug Inválido' }],
    ['input.variants[0].priceCents', { variants: [{ sku: 'VAL-1', name: '250 g', priceCents: -1 }] }],
    ['input.variants[1].compareAtPriceCents', { variants: [{ sku: 'VAL-2', name: 'a', priceCents: 100 }, { sku: 'VAL-3', name: 'b', priceCents: 500, compareAtPriceCents: 400 }] }],
    ['input.coffee.scaScore', { coffee: { scaScore: 120 } }],
    ['input.categoryId', { categoryId: '00000000-0000-4000-8000-000000000000' }],
    ['input.variants', { variants: [] }],
  ])('rejects an invalid product naming %s', async (field, change) => {
    const result = await catalog.graphql(CREATE, { input: { ...newProduct(`valida-${field.replace(/\W+/g, '-').toLowerCase()}`), ...change } }, 'admin');
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects a taken slug or SKU as a conflict naming the field', async () => {
    await catalog.graphql(CREATE, { input: newProduct('duplicado') }, 'admin');
    const slug = await catalog.graphql(CREATE, { input: newProduct('duplicado', { variants: [{ sku: 'OUTRO-1', name: 'x', priceCents: 1 }] }) }, 'admin');
    expect(slug.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    const sku = await catalog.graphql(CREATE, { input: newProduct('duplicado-dois', { variants: [{ sku: 'DUPLICADO-250', name: 'x', priceCents: 1 }] }) }, 'admin');
    expect(sku.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.variants[0].sku' });
  });

  it('shows a new price on the very next read, though the page was cached, and publishes PriceChanged', async () => {
    const product = await aProduct().withStock(5).insert(catalog.db.tx);
    const sku = product.variants[0].sku;
    const cache = catalog.app.get(CacheService, { strict: false });

    const before = await catalog.graphql(PRODUCT, { slug: product.slug });
    const hitsBefore = cache.stats().hits;
    const cached = await catalog.graphql(PRODUCT, { slug: product.slug });
    expect(cache.stats().hits).toBe(hitsBefore + 1);
    expect(cached.data).toEqual(before.data);

    const changed = await catalog.graphql(SET_PRICE, { sku, priceCents: 3_990, compareAtPriceCents: 4_990 }, 'admin');
    expect(changed.data!.setVariantPrice).toEqual({ sku, priceCents: 3_990, compareAtPriceCents: 4_990 });
    const after = await catalog.graphql(PRODUCT, { slug: product.slug });
    expect(after.data!.product.variants[0].priceCents).toBe(3_990);
    expect(after.data!.product.minPriceCents).toBe(3_990);
    const listed = await catalog.graphql(`{ products(filter: { priceMaxCents: 3990, kinds: [COFFEE] }, first: 100) { edges { node { slug } } } }`);
    expect(listed.data!.products.edges.map((edge: { node: { slug: string } }) => edge.node.slug)).toContain(product.slug);
    expect(await outboxSubjects(product.id)).toEqual(['catalog.product.price-changed.v1']);

    const invalid = await catalog.graphql(SET_PRICE, { sku, priceCents: 5_000, compareAtPriceCents: 100 }, 'admin');
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'compareAtPriceCents' });
    const unknown = await catalog.graphql(SET_PRICE, { sku: 'NAO-EXISTE', priceCents: 5_000 }, 'admin');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'sku' });
  });

  it('updates and archives a product; archived products leave lists but their page still resolves', async () => {
    const product = await aProduct().insert(catalog.db.tx);
    const updated = await catalog.graphql(
      `mutation ($id: ID!) { updateProduct(id: $id, input: { name: "Nome Novo do Café", tags: ["Presente"] }) { name tags } }`,
      { id: product.id },
      'admin',
    );
    expect(updated.data!.updateProduct).toEqual({ name: 'Nome Novo do Café', tags: ['presente'] });
    const empty = await catalog.graphql(`mutation ($id: ID!) { updateProduct(id: $id, input: {}) { name } }`, { id: product.id }, 'admin');
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });

    const archived = await catalog.graphql(`mutation ($id: ID!) { archiveProduct(id: $id) { status } }`, { id: product.id }, 'admin');
    expect(archived.data!.archiveProduct.status).toBe('ARCHIVED');
    await catalog.graphql(`mutation ($id: ID!) { archiveProduct(id: $id) { status } }`, { id: product.id }, 'admin');
    expect(await outboxSubjects(product.id)).toEqual(['catalog.product.updated.v1', 'catalog.product.updated.v1']);

    const page = await catalog.graphql(PRODUCT, { slug: product.slug });
    expect(page.data!.product.status).toBe('ARCHIVED');
    const search = await catalog.graphql(`{ search(query: "Nome Novo do Café") { totalCount } }`);
    expect(search.data!.search.totalCount).toBe(0);
    const missing = await catalog.graphql(`mutation { archiveProduct(id: "00000000-0000-4000-8000-000000000000") { status } }`, {}, 'admin');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('hides drafts from the public and shows them to admins', async () => {
    const draft = await aProduct().withStatus('DRAFT' as never).insert(catalog.db.tx);
    const anonymous = await catalog.graphql(PRODUCT, { slug: draft.slug });
    const admin = await catalog.graphql(PRODUCT, { slug: draft.slug }, 'admin');
    expect(anonymous.data!.product).toBeNull();
    expect(admin.data!.product.status).toBe('DRAFT');
    expect(admin.headers['cache-control']).toBe('no-store');
  });

  it('adjusts stock with a reason, refusing to go below what is reserved', async () => {
    const product = await aProduct().withStock(4).insert(catalog.db.tx);
    const sku = product.variants[0].sku;
    const ADJUST = `mutation ($sku: String!, $delta: Int!) { adjustStock(sku: $sku, delta: $delta, reason: RECEIVED, note: "lote 42") { onHand reserved available } }`;
    const received = await catalog.graphql(ADJUST, { sku, delta: 6 }, 'admin');
    expect(received.data!.adjustStock).toEqual({ onHand: 10, reserved: 0, available: 10 });
    const [movement] = await catalog.db.sources.primary.query(`SELECT kind, on_hand_delta, reason, note, actor_id FROM stock_movements WHERE sku = $1`, [sku]);
    expect(movement).toEqual({ kind: 'ADJUSTED', on_hand_delta: 6, reason: 'RECEIVED', note: 'lote 42', actor_id: 'user-admin' });

    const tooMuch = await catalog.graphql(ADJUST, { sku, delta: -11 }, 'admin');
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'delta' });
    const zero = await catalog.graphql(ADJUST, { sku, delta: 0 }, 'admin');
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'delta' });
    const unknown = await catalog.graphql(ADJUST, { sku: 'NAO-EXISTE', delta: 1 }, 'admin');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'sku' });
  });
});

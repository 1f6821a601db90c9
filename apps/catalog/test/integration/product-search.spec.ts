import { startCatalogApp, type CatalogTestApp } from '../support/catalog-test-app';

const SEARCH = `
  query Search($query: String!, $filter: ProductFilterInput, $sort: ProductSort, $first: Int, $after: String) {
    search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      correctedQuery
      pageInfo { hasNextPage endCursor }
      edges { cursor score highlight nameHighlight node { id name slug kind minPriceCents coffee { originCountry process roastLevel } } }
      facets {
        origins { value count }
        processes { process count }
        roastLevels { roastLevel count }
        priceBuckets { minCents maxCents count }
      }
    }
  }`;

interface Hit {
  cursor: string;
  score: number;
  highlight: string;
  nameHighlight: string;
  node: { id: string; name: string; slug: string; kind: string; minPriceCents: number; coffee: { originCountry: string; process: string; roastLevel: string } | null };
}
interface SearchData {
  search: {
    totalCount: number;
    correctedQuery: string | null;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Hit[];
    facets: {
      origins: Array<{ value: string; count: number }>;
      processes: Array<{ process: string; count: number }>;
      roastLevels: Array<{ roastLevel: string; count: number }>;
      priceBuckets: Array<{ minCents: number; maxCents: number | null; count: number }>;
    };
  };
}

describe('SearchResolver.search', () => {
  let catalog: CatalogTestApp;

  beforeAll(async () => {
    catalog = await startCatalogApp();
  }, 60_000);

  afterAll(async () => {
    await catalog?.close();
  });

  async function search(query: string, variables: Record<string, unknown> = {}) {
    const result = await catalog.graphql<SearchData>(SEARCH, { query, first: 50, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  }

  it('ignores accents and case: "cafe" and "CAFÉ" find the same products', async () => {
    const plain = await search('cafe');
    const accented = await search('CAFÉ');
    expect(plain.totalCount).toBeGreaterThan(100);
    expect(accented.totalCount).toBe(plain.totalCount);
    const etiopia = await search('etiopia');
    expect(etiopia.totalCount).toBeGreaterThan(0);
    const [{ count }] = await catalog.db.sources.primary.query(`SELECT count(*)::int AS count FROM products WHERE origin_country = 'Etiópia'`);
    expect(etiopia.edges.filter((hit) => hit.node.coffee?.originCountry === 'Etiópia')).toHaveLength(count);
    expect(etiopia.edges[0].node.coffee?.originCountry).toBe('Etiópia');
    expect(etiopia.correctedQuery).toBeNull();
  });

  it('stems Portuguese words: "torrado" matches "torra", "moedores" matches "Moedor"', async () => {
    const torrado = await search('torrado');
    const torra = await search('torra');
    expect(torrado.totalCount).toBeGreaterThan(0);
    expect(torrado.totalCount).toBe(torra.totalCount);
    const moedores = await search('moedores', { filter: { kinds: ['EQUIPMENT'] } });
    expect(moedores.edges.map((hit) => hit.node.name)).toEqual(expect.arrayContaining(['Moedor Manual Comandante C40 MK4', 'Moedor Elétrico Fellow Opus']));
  });

  it('tolerates typos in short queries: "etiopai" finds Etiópia and says what it searched', async () => {
    const result = await search('etiopai');
    // "etiope" (from the variety "Heirloom etíope") and "etiopia" share the stem "etiop".
    expect(result.correctedQuery).toMatch(/^etiop/);
    expect(result.totalCount).toBeGreaterThan(0);
    expect(result.edges[0].node.coffee?.originCountry).toBe('Etiópia');
    const chaleira = await search('chaleria');
    expect(chaleira.correctedQuery).toBe('chaleira');
    expect(chaleira.edges[0].node.name).toMatch(/^Chaleira/);
    const twoWords = await search('moedor comandnte');
    expect(twoWords.correctedQuery).toBe('moedor comandante');
    expect(twoWords.edges.map((hit) => hit.node.name)).toEqual(['Moedor Manual Comandante C40 MK4']);
    const hopeless = await search('xzqwv');
    expect(hopeless).toMatchObject({ totalCount: 0, correctedQuery: null });
  });

  it('ranks name matches first', async () => {
    const result = await search('chemex');
    expect(result.edges[0].node.name).toMatch(/^Chemex/);
    const scores = result.edges.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('returns HTML-safe highlight snippets around the matched words', async () => {
    const result = await search('pessego');
    expect(result.totalCount).toBeGreaterThan(0);
    for (const hit of result.edges) {
      expect(hit.highlight).toMatch(/<mark>pêssego<\/mark>/i);
      expect(hit.highlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    const chemex = await search('chemex');
    expect(chemex.edges[0].nameHighlight).toMatch(/^<mark>Chemex<\/mark> Clássica \d Xícaras$/);
  });

  it('counts facets over the whole result set, not just the page', async () => {
    const page = await search('natural', { first: 3 });
    const all = await search('natural', { first: 100 });
    expect(page.facets).toEqual(all.facets);
    expect(page.totalCount).toBe(all.totalCount);
    const coffees = all.edges.filter((hit) => hit.node.coffee);
    const brasil = coffees.filter((hit) => hit.node.coffee!.originCountry === 'Brasil').length;
    expect(all.facets.origins.find((facet) => facet.value === 'Brasil')?.count).toBe(brasil);
    const natural = coffees.filter((hit) => hit.node.coffee!.process === 'NATURAL').length;
    expect(all.facets.processes.find((facet) => facet.process === 'NATURAL')?.count).toBe(natural);
    expect(all.facets.roastLevels.reduce((sum, facet) => sum + facet.count, 0)).toBe(coffees.length);
    expect(all.facets.priceBuckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(all.totalCount);
    for (const bucket of all.facets.priceBuckets) {
      const inBucket = all.edges.filter((hit) => hit.node.minPriceCents >= bucket.minCents && (bucket.maxCents === null || hit.node.minPriceCents < bucket.maxCents));
      expect(bucket.count).toBe(inBucket.length);
    }
  });

  it('narrows facets with filters', async () => {
    const result = await search('cafe', { filter: { origins: ['Colômbia'] } });
    expect(result.facets.origins).toEqual([{ value: 'Colômbia', count: result.totalCount }]);
  });

  it('pages through results by relevance with stable cursors', async () => {
    const all = await search('cafe natural', { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: SearchData['search'] = await search('cafe natural', { first: 9, after });
      seen.push(...page.edges.map((hit) => hit.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((hit) => hit.node.id));
  });

  it('sorts search results by price when asked', async () => {
    const result = await search('cafe', { sort: 'PRICE_ASC' });
    const prices = result.edges.map((hit) => hit.node.minPriceCents);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it('survives hostile queries with results or a clean BAD_USER_INPUT, never a server error', async () => {
    const hostile = [
      `'; DROP TABLE products; --`,
      `" OR 1=1 --`,
      `cafe & | ! ( ) : * <-> <2>`,
      `!!!`,
      `:*`,
      `\\\\ \\' \\"`,
      `café\u0000etiópia`,
      `$1 $$ $tag$`,
      `🙂 ☕ 中文 العربية`,
      `\ud800`,
      `a`.repeat(100),
      `-cafe -"natural"`,
    ];
    for (const query of hostile) {
      const result = await catalog.graphql<SearchData>(SEARCH, { query, first: 5 });
      expect(result.status).toBe(200);
      if (result.errors) expect(result.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      else expect(result.data!.search.totalCount).toBeGreaterThanOrEqual(0);
    }
    for (const query of ['', '   ', 'x'.repeat(101), 'y'.repeat(10_240)]) {
      const result = await catalog.graphql(SEARCH, { query });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    }
    const [{ count }] = await catalog.db.sources.primary.query('SELECT count(*)::int AS count FROM products');
    expect(count).toBeGreaterThanOrEqual(150);
  });
});

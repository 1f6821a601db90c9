import { MANY_KEYS_TAG, responseTags } from './cache-tags';

describe(responseTags.name, () => {
  it('tags a response with its subgraphs and every id and sku it shows', () => {
    const data = { products: { edges: [{ node: { id: 'p1', name: 'Bourbon', variants: [{ sku: 'BRB-250', priceCents: 5900 }] } }] } };
    expect(responseTags(['catalog', 'courses'], data).sort()).toEqual(['key:BRB-250', 'key:p1', 'subgraph:catalog', 'subgraph:courses']);
  });

  it('falls back to one catch-all tag when a response shows too many keys to track', () => {
    const data = { list: Array.from({ length: 600 }, (_, index) => ({ id: `p${index}` })) };
    const tags = responseTags(['catalog'], data);
    expect(tags).toEqual(['subgraph:catalog', MANY_KEYS_TAG]);
  });
});

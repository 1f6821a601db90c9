import { encodeCursor, MAX_PAGE_SIZE } from '@mestres/graphql';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { listQuery, MAX_QUERY_LENGTH, normalizeFilter, normalizeSearchText } from './catalog-query';
import { ProductSort } from './product-sort.enum';
import { SearchError } from './search.errors';

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return (error as SearchError).details?.field as string | undefined;
  }
  throw new Error('expected an error');
}

describe(normalizeFilter.name, () => {
  it('drops empty lists and deduplicates values', () => {
    expect(normalizeFilter({ kinds: [], processes: [CoffeeProcess.NATURAL, CoffeeProcess.NATURAL], tags: [' Frutado '] })).toEqual({
      processes: [CoffeeProcess.NATURAL],
      tags: ['frutado'],
    });
  });

  it('names the field of each invalid value', () => {
    expect(fieldOf(() => normalizeFilter({ priceMinCents: 500, priceMaxCents: 100 }))).toBe('filter.priceMaxCents');
    expect(fieldOf(() => normalizeFilter({ priceMinCents: -1 }))).toBe('filter.priceMinCents');
    expect(fieldOf(() => normalizeFilter({ categoryId: 'not-a-uuid' }))).toBe('filter.categoryId');
    expect(fieldOf(() => normalizeFilter({ categoryId: '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60', categorySlug: 'cafes' }))).toBe('filter.categorySlug');
    expect(fieldOf(() => normalizeFilter({ origins: ['Brasil', 'a\u0000b'] }))).toBe('filter.origins[1]');
    expect(fieldOf(() => normalizeFilter({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toBe('filter.tags');
  });
});

describe(normalizeSearchText.name, () => {
  it('turns control characters into spaces and collapses whitespace', () => {
    expect(normalizeSearchText('  café\u0000\n  etiópia ')).toEqual({ text: 'café etiópia', correctable: true });
  });

  it('keeps operators and quotes as text: they only ever become a bound parameter', () => {
    expect(normalizeSearchText(`'; DROP TABLE products; -- & | ! ( ) : *`).text).toBe(`'; DROP TABLE products; -- & | ! ( ) : *`);
  });

  it('offers typo correction for short queries only', () => {
    expect(normalizeSearchText('etiopai').correctable).toBe(true);
    expect(normalizeSearchText('café natural do sul de minas').correctable).toBe(false);
  });

  it('rejects empty and overlong queries naming the argument', () => {
    expect(fieldOf(() => normalizeSearchText(' \t '))).toBe('query');
    expect(fieldOf(() => normalizeSearchText('x'.repeat(MAX_QUERY_LENGTH + 1)))).toBe('query');
    expect(fieldOf(() => normalizeSearchText('x'.repeat(10_240)))).toBe('query');
    expect(normalizeSearchText('é'.repeat(MAX_QUERY_LENGTH)).text).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe(listQuery.name, () => {
  const id = '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60';

  it('defaults to NEWEST for lists and RELEVANCE for searches', () => {
    expect(listQuery({ filter: {} }).sort).toBe(ProductSort.NEWEST);
    expect(listQuery({ filter: {}, search: { text: 'cafe', correctable: true } }).sort).toBe(ProductSort.RELEVANCE);
  });

  it('rejects RELEVANCE without a query, and oversized pages', () => {
    expect(fieldOf(() => listQuery({ filter: {}, sort: ProductSort.RELEVANCE }))).toBe('sort');
    expect(fieldOf(() => listQuery({ filter: {}, first: MAX_PAGE_SIZE + 1 }))).toBe('first');
  });

  it('accepts a cursor only for the sort it was made for, with a well-formed key', () => {
    const priceCursor = encodeCursor([ProductSort.PRICE_ASC, 4990, id]);
    expect(listQuery({ filter: {}, sort: ProductSort.PRICE_ASC, after: priceCursor }).after).toEqual({ sort: ProductSort.PRICE_ASC, value: 4990, id });
    expect(fieldOf(() => listQuery({ filter: {}, sort: ProductSort.NAME, after: priceCursor }))).toBe('after');
    expect(fieldOf(() => listQuery({ filter: {}, sort: ProductSort.NEWEST, after: encodeCursor([ProductSort.NEWEST, "'; DROP", id]) }))).toBe('after');
    expect(fieldOf(() => listQuery({ filter: {}, after: 'garbage' }))).toBe('after');
  });
});

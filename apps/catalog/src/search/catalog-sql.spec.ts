import { ProductKind } from '../products/product-kind.enum';
import { listQuery } from './catalog-query';
import { countStatement, facetStatement, pageStatement } from './catalog-sql';
import { ProductSort } from './product-sort.enum';

describe(pageStatement.name, () => {
  const hostile = `x'); DROP TABLE products; --`;

  it('never puts user text into the SQL, only into bound parameters', () => {
    const query = listQuery({
      filter: { origins: [hostile], tags: [hostile], kinds: [ProductKind.COFFEE] },
      search: { text: hostile, correctable: true },
      sort: ProductSort.NAME,
    });
    for (const statement of [pageStatement(query), countStatement(query.filter, query.search), facetStatement(query.filter, query.search)]) {
      expect(statement.text).not.toContain('DROP');
      expect(statement.values).toContain(hostile);
    }
  });

  it('pages by keyset on the sort key and id, in the sort direction', () => {
    const asc = pageStatement(listQuery({ filter: {}, sort: ProductSort.PRICE_ASC, first: 10 }));
    expect(asc.text).toMatch(/ORDER BY p\.min_price_cents ASC, p\.id ASC\s+LIMIT \$1/);
    expect(asc.values).toEqual([11]);
    const after = pageStatement({
      ...listQuery({ filter: {}, sort: ProductSort.NEWEST }),
      after: { sort: ProductSort.NEWEST, value: '2026-01-01T00:00:00.000000Z', id: '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60' },
    });
    expect(after.text).toContain('(p.created_at, p.id) < ($1::timestamptz, $2::uuid)');
  });
});

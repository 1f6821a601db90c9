import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import type { ProductRow } from '../products/product-row';
import type { ListQuery, ResolvedFilter } from './catalog-query';
import { anyMatchStatement, correctionStatement, countStatement, facetStatement, pageStatement } from './catalog-sql';

export interface PageRow extends ProductRow {
  sort_value: string | number;
  highlight?: string;
  name_highlight?: string;
  rank?: number;
}

export interface FacetRow {
  facet: 'total' | 'origin' | 'process' | 'roast' | 'price';
  value: string | null;
  count: number;
}

/** Runs the list, count and facet statements built by `catalog-sql`. */
@Injectable()
export class SearchRepository {
  constructor(private readonly tx: TransactionHost) {}

  async page(query: ListQuery): Promise<PageRow[]> {
    const statement = pageStatement(query);
    return this.tx.reader.query(statement.text, statement.values);
  }

  async count(filter: ResolvedFilter): Promise<number> {
    const statement = countStatement(filter);
    const rows: Array<{ total: number }> = await this.tx.reader.query(statement.text, statement.values);
    return rows[0].total;
  }

  /**
   * A search page and its facets, read side by side on two connections (they may see commits
   * a few milliseconds apart, which a cached page does anyway). A short query that matches
   * nothing is first corrected word by word against the catalog's lexicon; `correctedQuery`
   * then says what was searched instead.
   */
  async search(query: ListQuery): Promise<{ rows: PageRow[]; facets: FacetRow[]; correctedQuery: string | null }> {
    const reader = this.tx.reader;
    let effective = query;
    let correctedQuery: string | null = null;
    const search = query.search!;
    if (search.correctable) {
      const any = anyMatchStatement(query.filter, search);
      const [{ found }]: Array<{ found: boolean }> = await reader.query(any.text, any.values);
      if (!found) {
        const correction = correctionStatement(search.text);
        const [words]: Array<{ original: string | null; corrected: string | null }> = await reader.query(correction.text, correction.values);
        if (words.corrected && words.corrected !== words.original) {
          correctedQuery = words.corrected;
          effective = { ...query, search: { text: words.corrected, correctable: false } };
        }
      }
    }
    const page = pageStatement(effective);
    const facets = facetStatement(effective.filter, effective.search);
    const [rows, facetRows]: [PageRow[], FacetRow[]] = await Promise.all([reader.query(page.text, page.values), reader.query(facets.text, facets.values)]);
    return { rows, facets: facetRows, correctedQuery };
  }
}

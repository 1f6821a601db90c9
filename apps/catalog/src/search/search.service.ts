import { Injectable } from '@nestjs/common';
import { encodeCursor } from '@mestres/graphql';
import { CategoriesService } from '../categories/categories.service';
import { toProductView } from '../products/product-row';
import type { ProductView } from '../products/product.view';
import { CatalogCache } from '../shared/catalog-cache';
import {
  type FilterCriteria,
  listQuery,
  type ListQuery,
  normalizeFilter,
  normalizeSearchText,
  type ResolvedFilter,
} from './catalog-query';
import { PRICE_BUCKET_BOUNDS } from './catalog-sql';
import type { ProductFilterInput } from './product-filter.input';
import type { ProductSort } from './product-sort.enum';
import { type FacetRow, type PageRow, SearchRepository } from './search.repository';
import { SearchError, SearchErrorCode } from './search.errors';

export interface ListArgs {
  filter?: ProductFilterInput | null;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
}

/** A page of products as plain JSON, the shape that is cached. */
export interface ProductPage {
  edges: Array<{ cursor: string; product: ProductView }>;
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

export interface SearchHitExtras {
  highlight: string;
  nameHighlight: string;
  score: number;
}

export interface SearchFacetsView {
  origins: Array<{ value: string; count: number }>;
  processes: Array<{ value: string; count: number }>;
  roastLevels: Array<{ value: string; count: number }>;
  priceBuckets: Array<{ minCents: number; maxCents: number | null; count: number }>;
}

export interface SearchPage extends ProductPage {
  edges: Array<{ cursor: string; product: ProductView } & SearchHitExtras>;
  facets: SearchFacetsView;
  /** What was searched instead when the query as typed matched nothing (typo correction). */
  correctedQuery: string | null;
}

/**
 * Product lists and full-text search. Arguments are validated and normalised first, so the
 * cache key is the normalised query and bad input fails before any I/O.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly categories: CategoriesService,
    private readonly cache: CatalogCache,
  ) {}

  async list(args: ListArgs): Promise<ProductPage> {
    const query = listQuery({ ...args, filter: await this.resolve(normalizeFilter(args.filter)) });
    return this.cache.list(query, async () => {
      const [rows, totalCount] = await Promise.all([this.search.page(query), this.search.count(query.filter)]);
      return toPage(query, rows, totalCount);
    });
  }

  async fullText(args: ListArgs & { query: string }): Promise<SearchPage> {
    const search = normalizeSearchText(args.query);
    const query = listQuery({ ...args, search, filter: await this.resolve(normalizeFilter(args.filter)) });
    return this.cache.search(query, async () => {
      const { rows, facets, correctedQuery } = await this.search.search(query);
      const view = toFacets(facets);
      const page = toPage(query, rows, view.totalCount);
      return {
        ...page,
        edges: page.edges.map((edge, index) => ({
          ...edge,
          highlight: rows[index].highlight ?? '',
          nameHighlight: rows[index].name_highlight ?? rows[index].name,
          score: rows[index].rank ?? 0,
        })),
        facets: view.facets,
        correctedQuery,
      };
    });
  }

  /** Expands a category reference into the ids of its subtree; an unknown category is bad input. */
  private async resolve(criteria: FilterCriteria): Promise<ResolvedFilter> {
    const { category, ...rest } = criteria;
    if (!category) return rest;
    const tree = await this.categories.treeWith(category);
    const found = tree.find(category);
    if (!found) {
      const field = 'id' in category ? 'filter.categoryId' : 'filter.categorySlug';
      throw new SearchError(SearchErrorCode.INVALID_FILTER, `${field}: unknown category`, { field });
    }
    return { ...rest, categoryIds: tree.subtreeIds(found) };
  }
}

function toPage(query: ListQuery, rows: PageRow[], totalCount: number): ProductPage {
  const page = rows.slice(0, query.limit);
  const edges = page.map((row) => ({ cursor: encodeCursor([query.sort, row.sort_value, row.id]), product: toProductView(row) }));
  return { edges, hasNextPage: rows.length > query.limit, endCursor: edges.at(-1)?.cursor ?? null, totalCount };
}

function toFacets(rows: FacetRow[]): { totalCount: number; facets: SearchFacetsView } {
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) => b.count - a.count || a.value.localeCompare(b.value, 'pt-BR');
  const group = (facet: FacetRow['facet']) =>
    rows.filter((row) => row.facet === facet && row.value !== null).map((row) => ({ value: row.value!, count: row.count })).sort(byCount);
  const bounds = [0, ...PRICE_BUCKET_BOUNDS];
  const priceBuckets = bounds.map((minCents, index) => ({
    minCents,
    maxCents: PRICE_BUCKET_BOUNDS[index] ?? null,
    count: rows.find((row) => row.facet === 'price' && row.value === String(index))?.count ?? 0,
  }));
  return {
    totalCount: rows.find((row) => row.facet === 'total')?.count ?? 0,
    facets: { origins: group('origin'), processes: group('process'), roastLevels: group('roast'), priceBuckets },
  };
}

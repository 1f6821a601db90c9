import { decodeCursor, pageSize } from '@mestres/graphql';
import type { CoffeeProcess } from '../products/coffee-process.enum';
import type { ProductKind } from '../products/product-kind.enum';
import type { RoastLevel } from '../products/roast-level.enum';
import { hasControlCharacters, looksLike } from '../shared/validation';
import type { ProductFilterInput } from './product-filter.input';
import { ProductSort } from './product-sort.enum';
import { SearchError, SearchErrorCode } from './search.errors';

/** Longest search query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;
/** Queries of at most this many words get typo correction. */
export const MAX_CORRECTABLE_WORDS = 3;
const MAX_LIST_ITEMS = 20;
const MAX_PRICE_CENTS = 100_000_000;

/** Where a category filter points before it is resolved against the tree. */
export type CategoryRef = { id: string } | { slug: string };

/** A validated filter. Category is still a reference; the service turns it into ids. */
export interface FilterCriteria {
  category?: CategoryRef;
  kinds?: ProductKind[];
  priceMinCents?: number;
  priceMaxCents?: number;
  origins?: string[];
  processes?: CoffeeProcess[];
  roastLevels?: RoastLevel[];
  inStock?: boolean;
  tags?: string[];
}

/** A filter ready for SQL: the category expanded into itself and all its descendants. */
export interface ResolvedFilter extends Omit<FilterCriteria, 'category'> {
  categoryIds?: string[];
}

export interface SearchText {
  /** The query as sent to `websearch_to_tsquery` (trimmed, controls removed). */
  text: string;
  /**
   * Short queries get typo tolerance: when nothing matches, unknown words are replaced by
   * similar catalog words and the search runs again.
   */
  correctable: boolean;
}

/** Keyset position: the sort it belongs to, the sort key of the last row, and its id. */
export interface CursorPosition {
  sort: ProductSort;
  value: string | number;
  id: string;
}

export interface ListQuery {
  filter: ResolvedFilter;
  sort: ProductSort;
  limit: number;
  after?: CursorPosition;
  search?: SearchText;
}

const filterError = (field: string, message: string) =>
  new SearchError(SearchErrorCode.INVALID_FILTER, `${field}: ${message}`, { field });

function list<T>(values: T[] | undefined | null, field: string): T[] | undefined {
  if (values === undefined || values === null || values.length === 0) return undefined;
  if (values.length > MAX_LIST_ITEMS) throw filterError(field, `at most ${MAX_LIST_ITEMS} values`);
  return [...new Set(values)];
}

function freeText(values: string[] | undefined, field: string, maxLength: number, normalize: (value: string) => string) {
  return values?.map((value, index) => {
    const clean = normalize(value.trim());
    if (clean.length === 0 || clean.length > maxLength || hasControlCharacters(clean)) {
      throw filterError(`${field}[${index}]`, `must be 1 to ${maxLength} printable characters`);
    }
    return clean;
  });
}

function price(value: number | undefined | null, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PRICE_CENTS) {
    throw filterError(field, `must be a whole number of cents between 0 and ${MAX_PRICE_CENTS}`);
  }
  return value;
}

/** Validates a filter argument; every error names the offending field (`filter.priceMaxCents`). */
export function normalizeFilter(input: ProductFilterInput | undefined | null, argument = 'filter'): FilterCriteria {
  if (!input) return {};
  const criteria: FilterCriteria = {};
  if (input.categoryId != null && input.categorySlug != null) {
    throw filterError(`${argument}.categorySlug`, 'give categoryId or categorySlug, not both');
  }
  if (input.categoryId != null) {
    if (!looksLike.uuid(input.categoryId)) throw filterError(`${argument}.categoryId`, 'unknown category');
    criteria.category = { id: input.categoryId.toLowerCase() };
  }
  if (input.categorySlug != null) {
    if (!looksLike.slug(input.categorySlug)) throw filterError(`${argument}.categorySlug`, 'unknown category');
    criteria.category = { slug: input.categorySlug };
  }
  criteria.kinds = list(input.kinds, `${argument}.kinds`);
  criteria.processes = list(input.processes, `${argument}.processes`);
  criteria.roastLevels = list(input.roastLevels, `${argument}.roastLevels`);
  criteria.priceMinCents = price(input.priceMinCents, `${argument}.priceMinCents`);
  criteria.priceMaxCents = price(input.priceMaxCents, `${argument}.priceMaxCents`);
  if (criteria.priceMinCents !== undefined && criteria.priceMaxCents !== undefined && criteria.priceMinCents > criteria.priceMaxCents) {
    throw filterError(`${argument}.priceMaxCents`, 'must not be below priceMinCents');
  }
  criteria.origins = freeText(list(input.origins, `${argument}.origins`), `${argument}.origins`, 60, (value) => value);
  criteria.tags = freeText(list(input.tags, `${argument}.tags`), `${argument}.tags`, 40, (value) => value.toLowerCase());
  if (input.inStock !== undefined && input.inStock !== null) criteria.inStock = input.inStock;
  for (const key of Object.keys(criteria) as Array<keyof FilterCriteria>) if (criteria[key] === undefined) delete criteria[key];
  return criteria;
}

/**
 * Cleans a search query: control characters become spaces, whitespace collapses. The text
 * still carries whatever quotes or operators the user typed; it only ever reaches Postgres as
 * a bound parameter of `websearch_to_tsquery`, which accepts any input without syntax errors.
 */
export function normalizeSearchText(query: string, argument = 'query'): SearchText {
  // eslint-disable-next-line no-control-regex
  const text = query.slice(0, MAX_QUERY_LENGTH * 4).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length === 0) throw new SearchError(SearchErrorCode.INVALID_QUERY, `${argument}: must not be empty`, { field: argument });
  if ([...text].length > MAX_QUERY_LENGTH || query.length > MAX_QUERY_LENGTH * 4) {
    throw new SearchError(SearchErrorCode.INVALID_QUERY, `${argument}: must be at most ${MAX_QUERY_LENGTH} characters`, { field: argument });
  }
  return { text, correctable: text.split(' ').length <= MAX_CORRECTABLE_WORDS };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const SCORE = /^-?\d{1,3}(\.\d{1,2})?$/;

function validCursorFor(sort: ProductSort) {
  return (value: unknown): value is [ProductSort, string | number, string] => {
    if (!Array.isArray(value) || value.length !== 3) return false;
    const [cursorSort, key, id] = value as unknown[];
    if (cursorSort !== sort || typeof id !== 'string' || !looksLike.uuid(id)) return false;
    switch (sort) {
      case ProductSort.NEWEST:
        return typeof key === 'string' && TIMESTAMP.test(key);
      case ProductSort.PRICE_ASC:
      case ProductSort.PRICE_DESC:
        return Number.isSafeInteger(key);
      case ProductSort.NAME:
        return typeof key === 'string' && key.length <= 400 && !hasControlCharacters(key);
      case ProductSort.SCORE:
        return typeof key === 'string' && SCORE.test(key);
      case ProductSort.RELEVANCE:
        return typeof key === 'number' && Number.isFinite(key);
    }
  };
}

/**
 * Validates paging and sorting. A cursor is only valid for the sort it was made with, so a
 * client that changes the sort starts from the first page instead of getting a wrong one.
 */
export function listQuery(options: {
  filter: ResolvedFilter;
  sort?: ProductSort | null;
  first?: number | null;
  after?: string | null;
  search?: SearchText;
}): ListQuery {
  const sort = options.sort ?? (options.search ? ProductSort.RELEVANCE : ProductSort.NEWEST);
  if (sort === ProductSort.RELEVANCE && !options.search) {
    throw new SearchError(SearchErrorCode.INVALID_SORT, 'sort: RELEVANCE needs a search query; use `search`', { field: 'sort' });
  }
  const limit = pageSize(options.first);
  const decoded = decodeCursor(options.after, validCursorFor(sort));
  const after = decoded ? { sort: decoded[0], value: decoded[1], id: decoded[2] } : undefined;
  return { filter: options.filter, sort, limit, after, search: options.search };
}

/** The cursor of a row, in the shape `listQuery` accepts back. */
export function cursorOf(sort: ProductSort, value: string | number, id: string): [ProductSort, string | number, string] {
  return [sort, value, id];
}

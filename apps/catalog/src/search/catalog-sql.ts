import { productColumns } from '../products/product-row';
import type { ListQuery, ResolvedFilter, SearchText } from './catalog-query';
import { ProductSort } from './product-sort.enum';

/** Collects bound parameters; user input only ever reaches SQL through `add`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** Starting-price buckets of the price facet, in cents: [0, 50), [50, 100), ... [500, ∞) reais. */
export const PRICE_BUCKET_BOUNDS = [5_000, 10_000, 20_000, 50_000];

const TS_CONFIG = `'portuguese_unaccent'`;
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

interface SortSpec {
  /** Sort key expression; an index on it (plus id) serves the keyset. */
  key: (p: string, search: SearchExpressions | undefined) => string;
  /** The key as the cursor stores it. */
  cursor: (p: string, search: SearchExpressions | undefined) => string;
  /** Type to cast the cursor parameter back to. */
  cast: string;
  direction: 'ASC' | 'DESC';
}

const SORTS: Record<ProductSort, SortSpec> = {
  [ProductSort.NEWEST]: {
    key: (p) => `${p}.created_at`,
    cursor: (p) => `to_char(${p}.created_at AT TIME ZONE 'UTC', ${ISO_UTC})`,
    cast: 'timestamptz',
    direction: 'DESC',
  },
  [ProductSort.PRICE_ASC]: { key: (p) => `${p}.min_price_cents`, cursor: (p) => `${p}.min_price_cents`, cast: 'int', direction: 'ASC' },
  [ProductSort.PRICE_DESC]: { key: (p) => `${p}.min_price_cents`, cursor: (p) => `${p}.min_price_cents`, cast: 'int', direction: 'DESC' },
  [ProductSort.NAME]: { key: (p) => `${p}.sort_name`, cursor: (p) => `${p}.sort_name`, cast: 'text', direction: 'ASC' },
  [ProductSort.SCORE]: {
    key: (p) => `coalesce(${p}.sca_score, -1)`,
    cursor: (p) => `coalesce(${p}.sca_score, -1)::text`,
    cast: 'numeric',
    direction: 'DESC',
  },
  [ProductSort.RELEVANCE]: {
    key: (_p, search) => search!.rank,
    cursor: (_p, search) => search!.rank,
    cast: 'float8',
    direction: 'DESC',
  },
};

/** The search expressions of one statement, all over the same bound query parameter. */
interface SearchExpressions {
  tsquery: string;
  match: string;
  rank: string;
}

function searchExpressions(search: SearchText, params: SqlParams, p = 'p'): SearchExpressions {
  const tsquery = `websearch_to_tsquery(${TS_CONFIG}, ${params.add(search.text)}::text)`;
  return { tsquery, match: `${p}.search_vector @@ ${tsquery}`, rank: `ts_rank(${p}.search_vector, ${tsquery})::float8` };
}

/** Conditions shared by the page, count and facet statements. */
function conditions(filter: ResolvedFilter, params: SqlParams, search: SearchExpressions | undefined, p = 'p'): string[] {
  const where = [`${p}.status = 'ACTIVE'`];
  if (search) where.push(search.match);
  if (filter.categoryIds) where.push(`${p}.category_id = ANY(${params.add(filter.categoryIds)}::uuid[])`);
  if (filter.kinds) where.push(`${p}.kind = ANY(${params.add(filter.kinds)}::text[])`);
  if (filter.priceMinCents !== undefined) where.push(`${p}.min_price_cents >= ${params.add(filter.priceMinCents)}::int`);
  if (filter.priceMaxCents !== undefined) where.push(`${p}.min_price_cents <= ${params.add(filter.priceMaxCents)}::int`);
  if (filter.origins) {
    where.push(`catalog_normalize(${p}.origin_country) IN (SELECT catalog_normalize(o) FROM unnest(${params.add(filter.origins)}::text[]) o)`);
  }
  if (filter.processes) where.push(`${p}.process = ANY(${params.add(filter.processes)}::text[])`);
  if (filter.roastLevels) where.push(`${p}.roast_level = ANY(${params.add(filter.roastLevels)}::text[])`);
  if (filter.tags) where.push(`${p}.tags @> ${params.add(filter.tags)}::text[]`);
  if (filter.inStock !== undefined) {
    const inStock = `EXISTS (SELECT 1 FROM product_variants v JOIN stock_levels s ON s.sku = v.sku
      WHERE v.product_id = ${p}.id AND s.on_hand > s.reserved)`;
    where.push(filter.inStock ? inStock : `NOT ${inStock}`);
  }
  return where;
}

/**
 * One page of products: keyset pagination on (sort key, id), `limit + 1` rows so the caller
 * knows whether another page follows. The page is cut first and only its rows get their
 * variants and highlights, so neither is computed for rows that are not shown.
 */
export function pageStatement(query: ListQuery): SqlStatement {
  const params = new SqlParams();
  const search = query.search ? searchExpressions(query.search, params) : undefined;
  const sort = SORTS[query.sort];
  const where = conditions(query.filter, params, search);
  if (query.after) {
    const op = sort.direction === 'DESC' ? '<' : '>';
    where.push(
      `(${sort.key('p', search)}, p.id) ${op} (${params.add(query.after.value)}::${sort.cast}, ${params.add(query.after.id)}::uuid)`,
    );
  }
  const limit = params.add(query.limit + 1);
  const highlight = search
    ? `, ts_headline(${TS_CONFIG}, ${escapeHtml('p.description')}, ${search.tsquery},
          'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS highlight,
        ts_headline(${TS_CONFIG}, ${escapeHtml('p.name')}, ${search.tsquery}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS name_highlight,
        page.rank`
    : '';
  const text = `
    SELECT ${productColumns('p')}, page.sort_value${highlight}
    FROM (
      SELECT p.id, ${sort.key('p', search)} AS sort_key, ${sort.cursor('p', search)} AS sort_value${search ? `, ${search.rank} AS rank` : ''}
      FROM products p
      WHERE ${where.join('\n        AND ')}
      ORDER BY ${sort.key('p', search)} ${sort.direction}, p.id ${sort.direction}
      LIMIT ${limit}
    ) page
    JOIN products p ON p.id = page.id
    ORDER BY page.sort_key ${sort.direction}, p.id ${sort.direction}`;
  return { text, values: params.values };
}

/** Whether any product matches the search as typed. */
export function anyMatchStatement(filter: ResolvedFilter, searchText: SearchText): SqlStatement {
  const params = new SqlParams();
  const search = searchExpressions(searchText, params);
  return {
    text: `SELECT EXISTS (SELECT 1 FROM products p WHERE ${conditions(filter, params, search).join(' AND ')}) AS found`,
    values: params.values,
  };
}

/** Number of products matching the filter (and search), across all pages. */
export function countStatement(filter: ResolvedFilter, searchText?: SearchText): SqlStatement {
  const params = new SqlParams();
  const search = searchText ? searchExpressions(searchText, params) : undefined;
  return {
    text: `SELECT count(*)::int AS total FROM products p WHERE ${conditions(filter, params, search).join(' AND ')}`,
    values: params.values,
  };
}

/**
 * Total and facet counts (origin, process, roast level, price bucket) over the whole result
 * set in one pass: the matches are computed once and grouped four ways.
 */
export function facetStatement(filter: ResolvedFilter, searchText?: SearchText): SqlStatement {
  const params = new SqlParams();
  const search = searchText ? searchExpressions(searchText, params) : undefined;
  const where = conditions(filter, params, search);
  const bounds = params.add(PRICE_BUCKET_BOUNDS);
  const text = `
    WITH matches AS MATERIALIZED (
      SELECT p.origin_country, p.process, p.roast_level, width_bucket(p.min_price_cents, ${bounds}::int[]) AS price_bucket
      FROM products p
      WHERE ${where.join('\n        AND ')}
    )
    SELECT 'total' AS facet, NULL AS value, count(*)::int AS count FROM matches
    UNION ALL
    SELECT 'origin', origin_country, count(*)::int FROM matches WHERE origin_country IS NOT NULL GROUP BY origin_country
    UNION ALL
    SELECT 'process', process, count(*)::int FROM matches WHERE process IS NOT NULL GROUP BY process
    UNION ALL
    SELECT 'roast', roast_level, count(*)::int FROM matches WHERE roast_level IS NOT NULL GROUP BY roast_level
    UNION ALL
    SELECT 'price', price_bucket::text, count(*)::int FROM matches GROUP BY price_bucket`;
  return { text, values: params.values };
}

/**
 * Typo correction: each word of the query (normalised) that is not in the catalog's lexicon
 * is replaced by the most similar lexicon word (trigram similarity above pg_trgm's threshold,
 * 0.3), so "etiopai" becomes "etiopia". Returns the normalised original and the correction.
 */
export function correctionStatement(text: string): SqlStatement {
  return {
    text: `
      SELECT string_agg(q.word, ' ' ORDER BY q.ord) AS original,
             string_agg(CASE WHEN length(q.word) < 3 THEN q.word ELSE coalesce(
               (SELECT w.word FROM search_words w WHERE w.word = q.word),
               (SELECT w.word FROM search_words w WHERE w.word % q.word ORDER BY similarity(w.word, q.word) DESC, w.word LIMIT 1),
               q.word) END, ' ' ORDER BY q.ord) AS corrected
      FROM regexp_split_to_table(catalog_normalize($1::text), '[^a-z0-9]+') WITH ORDINALITY AS q(word, ord)
      WHERE q.word <> ''`,
    values: [text],
  };
}

/** Highlights are HTML: escape the source text first, then only our <mark> tags are markup. */
function escapeHtml(column: string): string {
  return `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}

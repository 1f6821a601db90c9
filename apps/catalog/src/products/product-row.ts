import type { CoffeeProcess } from './coffee-process.enum';
import type { ProductKind } from './product-kind.enum';
import type { ProductStatus } from './product-status.enum';
import type { ProductView, VariantView } from './product.view';
import type { RoastLevel } from './roast-level.enum';

/**
 * The select list that reads a whole product, variants included, in one statement: the
 * variants come as a JSON array from a correlated subquery, so a batch of N products is still
 * one SQL statement. Used by the product and search repositories.
 */
export function productColumns(alias: string): string {
  const p = alias;
  return `${p}.id, ${p}.slug, ${p}.kind, ${p}.status, ${p}.name, ${p}.description, ${p}.images, ${p}.category_id,
    ${p}.brand, ${p}.tags, ${p}.origin_country, ${p}.origin_region, ${p}.farm, ${p}.producer,
    ${p}.altitude_min_m, ${p}.altitude_max_m, ${p}.varieties, ${p}.process, ${p}.roast_level,
    ${p}.sca_score::float8 AS sca_score, ${p}.tasting_notes, ${p}.min_price_cents,
    to_char(${p}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
    to_char(${p}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
    coalesce((
      SELECT json_agg(json_build_object(
        'sku', v.sku, 'productId', v.product_id, 'name', v.name, 'priceCents', v.price_cents, 'currency', v.currency,
        'compareAtPriceCents', v.compare_at_price_cents, 'weightGrams', v.weight_grams, 'options', v.options,
        'position', v.position) ORDER BY v.position, v.sku)
      FROM product_variants v WHERE v.product_id = ${p}.id), '[]'::json) AS variants`;
}

/** A row selected with `productColumns`. */
export interface ProductRow {
  id: string;
  slug: string;
  kind: string;
  status: string;
  name: string;
  description: string;
  images: Array<{ url: string; alt: string }>;
  category_id: string;
  brand: string | null;
  tags: string[];
  origin_country: string | null;
  origin_region: string | null;
  farm: string | null;
  producer: string | null;
  altitude_min_m: number | null;
  altitude_max_m: number | null;
  varieties: string[];
  process: string | null;
  roast_level: string | null;
  sca_score: number | null;
  tasting_notes: string[];
  min_price_cents: number;
  created_at: string;
  updated_at: string;
  variants: VariantView[];
}

export function toProductView(row: ProductRow): ProductView {
  const isCoffee = row.kind === 'COFFEE';
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as ProductKind,
    status: row.status as ProductStatus,
    name: row.name,
    description: row.description,
    images: row.images,
    categoryId: row.category_id,
    brand: row.brand,
    tags: row.tags,
    coffee: isCoffee
      ? {
          originCountry: row.origin_country,
          originRegion: row.origin_region,
          farm: row.farm,
          producer: row.producer,
          altitudeMinM: row.altitude_min_m,
          altitudeMaxM: row.altitude_max_m,
          varieties: row.varieties,
          process: row.process as CoffeeProcess | null,
          roastLevel: row.roast_level as RoastLevel | null,
          scaScore: row.sca_score,
          tastingNotes: row.tasting_notes,
        }
      : null,
    variants: row.variants,
    minPriceCents: row.min_price_cents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

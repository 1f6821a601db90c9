import type { CoffeeProcess } from './coffee-process.enum';
import type { ProductKind } from './product-kind.enum';
import type { ProductStatus } from './product-status.enum';
import type { RoastLevel } from './roast-level.enum';

/**
 * A product as the read side hands it out: plain JSON (dates as ISO strings), so the same
 * value comes back from Postgres and from the Redis cache. Stock is not part of it: it
 * changes with every order and is read live per request.
 */
export interface ProductView {
  id: string;
  slug: string;
  kind: ProductKind;
  status: ProductStatus;
  name: string;
  description: string;
  images: Array<{ url: string; alt: string }>;
  categoryId: string;
  brand: string | null;
  tags: string[];
  coffee: CoffeeAttributesView | null;
  variants: VariantView[];
  minPriceCents: number;
  createdAt: string;
  updatedAt: string;
}

export interface CoffeeAttributesView {
  originCountry: string | null;
  originRegion: string | null;
  farm: string | null;
  producer: string | null;
  altitudeMinM: number | null;
  altitudeMaxM: number | null;
  varieties: string[];
  process: CoffeeProcess | null;
  roastLevel: RoastLevel | null;
  scaScore: number | null;
  tastingNotes: string[];
}

export interface VariantView {
  sku: string;
  productId: string;
  name: string;
  priceCents: number;
  currency: 'BRL';
  compareAtPriceCents: number | null;
  weightGrams: number | null;
  options: Record<string, string>;
  position: number;
}

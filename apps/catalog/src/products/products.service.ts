import { Injectable } from '@nestjs/common';
import { alignToKeys } from '@mestres/graphql';
import { CatalogCache } from '../shared/catalog-cache';
import { looksLike } from '../shared/validation';
import { ProductStatus } from './product-status.enum';
import type { ProductView, VariantView } from './product.view';
import { ProductsRepository, type SellableVariant } from './products.repository';

/** Who is looking: drafts are only visible to admins. */
export interface Viewer {
  isAdmin: boolean;
}

/**
 * Product reads. Single-product pages go through the Redis cache; batches (entity references
 * from other subgraphs) go straight to Postgres in one statement per batch.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly cache: CatalogCache,
  ) {}

  /** A product page by id, or null when unknown (or a draft the viewer may not see). */
  async byId(id: string, viewer: Viewer): Promise<ProductView | null> {
    if (!looksLike.uuid(id)) return null;
    const key = id.toLowerCase();
    return visible(await this.cache.product(`id:${key}`, async () => (await this.products.findByIds([key]))[0] ?? null), viewer);
  }

  async bySlug(slug: string, viewer: Viewer): Promise<ProductView | null> {
    if (!looksLike.slug(slug)) return null;
    return visible(await this.cache.product(`slug:${slug}`, () => this.products.findBySlug(slug)), viewer);
  }

  async bySku(sku: string, viewer: Viewer): Promise<ProductView | null> {
    if (!looksLike.sku(sku)) return null;
    return visible(await this.cache.product(`sku:${sku}`, () => this.products.findBySku(sku)), viewer);
  }

  /**
   * Products for a batch of ids in any status (orders keep pointing at archived products),
   * aligned to `ids` with null for unknown ones. One SQL statement per call.
   */
  async byIds(ids: readonly string[]): Promise<Array<ProductView | null>> {
    const wellFormed = [...new Set(ids.filter(looksLike.uuid).map((id) => id.toLowerCase()))];
    const rows = await this.products.findByIds(wellFormed);
    return alignToKeys(ids.map((id) => id.toLowerCase()), rows, (row) => row.id);
  }

  /**
   * What orders need to price a cart: SKUs on sale with their current price and available
   * units, in request order; unknown, draft and archived SKUs are left out. Never cached.
   */
  async sellableVariants(skus: readonly string[]): Promise<SellableVariant[]> {
    const wellFormed = [...new Set(skus.filter(looksLike.sku))];
    const found = new Map((await this.products.findSellableVariants(wellFormed)).map((variant) => [variant.sku, variant]));
    return wellFormed.flatMap((sku) => found.get(sku) ?? []);
  }

  /** Variants for a batch of SKUs, aligned to `skus`. One SQL statement per call. */
  async variantsBySkus(skus: readonly string[]): Promise<Array<VariantView | null>> {
    const rows = await this.products.findVariantsBySkus([...new Set(skus.filter(looksLike.sku))]);
    return alignToKeys(skus, rows, (row) => row.sku);
  }
}

function visible(product: ProductView | null, viewer: Viewer): ProductView | null {
  if (!product) return null;
  return product.status === ProductStatus.DRAFT && !viewer.isAdmin ? null : product;
}

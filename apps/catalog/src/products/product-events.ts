import type { ProductCreatedV1 } from '@mestres/contracts';
import type { ProductView } from './product.view';

/** The full product state carried by ProductCreated / ProductUpdated. */
export function toProductSnapshot(product: ProductView): ProductCreatedV1 {
  return {
    productId: product.id,
    slug: product.slug,
    name: product.name,
    kind: product.kind,
    categoryId: product.categoryId,
    variants: product.variants.map((variant) => ({ sku: variant.sku, priceCents: variant.priceCents, currency: variant.currency })),
  };
}

import { z } from 'zod';

/** What a product is sold as; course seats are booked through the courses context. */
export const ProductKind = z.enum(['COFFEE', 'EQUIPMENT', 'COURSE_SEAT']);

const ProductVariant = z
  .object({
    sku: z.string().min(1).describe('Stock keeping unit, unique across the catalog'),
    priceCents: z.number().int().nonnegative().describe('Unit price in cents'),
    currency: z.literal('BRL'),
  })
  .describe('A sellable variant of a product (grind, size, ...)');

/** The full state of a product, carried by created and updated events so projections need no lookups. */
const ProductSnapshot = z.object({
  productId: z.string().min(1),
  slug: z.string().min(1),
  name: z.string().min(1),
  kind: ProductKind,
  categoryId: z.string().min(1),
  variants: z.array(ProductVariant),
});

export const ProductCreatedV1 = ProductSnapshot.meta({
  title: 'ProductCreatedV1',
  description: 'A product was added to the catalog.',
});
export type ProductCreatedV1 = z.infer<typeof ProductCreatedV1>;

export const ProductUpdatedV1 = ProductSnapshot.meta({
  title: 'ProductUpdatedV1',
  description: 'A product changed (name, slug, category or variants); carries the full new state.',
});
export type ProductUpdatedV1 = z.infer<typeof ProductUpdatedV1>;

export const ProductPriceChangedV1 = z
  .object({
    productId: z.string().min(1),
    sku: z.string().min(1),
    oldPriceCents: z.number().int().nonnegative(),
    newPriceCents: z.number().int().nonnegative(),
    currency: z.literal('BRL'),
  })
  .meta({ title: 'ProductPriceChangedV1', description: 'The price of one variant changed.' });
export type ProductPriceChangedV1 = z.infer<typeof ProductPriceChangedV1>;

export const StockChangedV1 = z
  .object({
    sku: z.string().min(1),
    onHand: z.number().int().nonnegative().describe('Units physically in stock'),
    reserved: z.number().int().nonnegative().describe('Units held for orders not yet committed'),
    available: z.number().int().nonnegative().describe('onHand minus reserved'),
  })
  .meta({ title: 'StockChangedV1', description: 'The stock level of a SKU changed.' });
export type StockChangedV1 = z.infer<typeof StockChangedV1>;

export const StockRanOutV1 = z
  .object({
    sku: z.string().min(1),
    productId: z.string().min(1),
  })
  .meta({ title: 'StockRanOutV1', description: 'A SKU has no units available any more.' });
export type StockRanOutV1 = z.infer<typeof StockRanOutV1>;

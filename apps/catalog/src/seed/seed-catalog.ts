import { DataSource } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { CategoriesRepository } from '../categories/categories.repository';
import { ProductsRepository } from '../products/products.repository';
import { StockRepository } from '../stock/stock.repository';
import { buildDemoCatalog, type SeedCategory, type SeedProduct } from './demo-catalog';

export interface SeedSummary {
  categories: number;
  products: number;
  variants: number;
}

/**
 * Loads the demo catalog (categories, ~150 products in Portuguese, their variants and stock)
 * in one transaction. Idempotent: categories and products are upserted by their stable ids
 * and variants by SKU; stock is only set for SKUs that have none yet, so reseeding never
 * undoes real reservations or adjustments.
 *
 * Events are not published: seeding describes the initial state, it is not a change other
 * services must react to. Cached pages expire by TTL.
 */
export async function seedCatalog(target: DataSource | TransactionHost): Promise<SeedSummary> {
  const tx = target instanceof TransactionHost ? target : new TransactionHost(target);
  const catalog = buildDemoCatalog();
  await tx.transaction(async () => {
    await new CategoriesRepository(tx).upsert(catalog.categories);
    await upsertProducts(tx, catalog.products, catalog.categories);
  });
  return {
    categories: catalog.categories.length,
    products: catalog.products.length,
    variants: catalog.products.reduce((sum, product) => sum + product.variants.length, 0),
  };
}

/**
 * Upserts products (by id), their variants (by SKU) and missing stock levels. The categories
 * they name must exist; `categories` gives their ids and names.
 */
export async function upsertProducts(tx: TransactionHost, products: readonly SeedProduct[], categories: readonly SeedCategory[]): Promise<void> {
  const bySlug = new Map(categories.map((category) => [category.slug, category]));
  await tx.transaction(async () => {
    await new ProductsRepository(tx).upsertMany(
      products.map(({ variants: _variants, categorySlug, ...product }) => {
        const category = bySlug.get(categorySlug);
        if (!category) throw new Error(`product ${product.slug} has unknown category ${categorySlug}`);
        return { ...product, categoryId: category.id, categoryName: category.name };
      }),
      products.flatMap((product) =>
        product.variants.map(({ onHand: _onHand, ...variant }, position) => ({ ...variant, productId: product.id, currency: 'BRL', position })),
      ),
    );
    await new StockRepository(tx).insertMissingLevels(products.flatMap((product) => product.variants.map((variant) => ({ sku: variant.sku, onHand: variant.onHand }))));
  });
}

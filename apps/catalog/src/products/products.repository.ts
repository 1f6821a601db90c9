import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { ProductEntity } from './product.entity';
import { ProductVariantEntity } from './product-variant.entity';
import { type ProductRow, productColumns, toProductView } from './product-row';
import type { ProductKind } from './product-kind.enum';
import type { ProductView, VariantView } from './product.view';

export type NewProduct = Omit<ProductEntity, 'createdAt' | 'updatedAt' | 'minPriceCents' | 'categoryName'> & { createdAt?: Date };
export type NewVariant = Omit<ProductVariantEntity, 'createdAt' | 'updatedAt'>;
export interface SellableVariant {
  sku: string;
  productId: string;
  name: string;
  variantName: string;
  kind: ProductKind;
  priceCents: number;
  currency: 'BRL';
  available: number;
}

export type ProductChanges = Partial<Omit<ProductEntity, 'id' | 'createdAt' | 'updatedAt' | 'minPriceCents' | 'categoryName'>>;

/** Products and their variants. Reads return `ProductView`s built in one statement each. */
@Injectable()
export class ProductsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** One statement for any number of ids (reference batches, DataLoader). */
  async findByIds(ids: readonly string[]): Promise<ProductView[]> {
    if (ids.length === 0) return [];
    const rows: ProductRow[] = await this.tx.reader.query(`SELECT ${productColumns('p')} FROM products p WHERE p.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toProductView);
  }

  async findBySlug(slug: string): Promise<ProductView | null> {
    const rows: ProductRow[] = await this.tx.reader.query(`SELECT ${productColumns('p')} FROM products p WHERE p.slug = $1`, [slug]);
    return rows[0] ? toProductView(rows[0]) : null;
  }

  async findBySku(sku: string): Promise<ProductView | null> {
    const rows: ProductRow[] = await this.tx.reader.query(
      `SELECT ${productColumns('p')} FROM products p WHERE p.id = (SELECT product_id FROM product_variants WHERE sku = $1)`,
      [sku],
    );
    return rows[0] ? toProductView(rows[0]) : null;
  }

  /** One statement for any number of SKUs (ProductVariant reference batches). */
  async findVariantsBySkus(skus: readonly string[]): Promise<VariantView[]> {
    if (skus.length === 0) return [];
    return this.tx.reader.query(
      `SELECT sku, product_id AS "productId", name, price_cents AS "priceCents", currency,
              compare_at_price_cents AS "compareAtPriceCents", weight_grams AS "weightGrams", options, position
       FROM product_variants WHERE sku = ANY($1::text[])`,
      [skus],
    );
  }

  /**
   * Checkout view of SKUs on sale (product ACTIVE): current price and available units, read
   * from the primary because orders charge these prices. Unknown and unsellable SKUs are absent.
   */
  async findSellableVariants(skus: readonly string[]): Promise<SellableVariant[]> {
    if (skus.length === 0) return [];
    return this.tx.manager.query(
      `SELECT v.sku, v.product_id AS "productId", p.name, v.name AS "variantName", p.kind, v.price_cents AS "priceCents",
              v.currency, greatest(coalesce(s.on_hand - s.reserved, 0), 0) AS available
       FROM product_variants v
       JOIN products p ON p.id = v.product_id
       LEFT JOIN stock_levels s ON s.sku = v.sku
       WHERE v.sku = ANY($1::text[]) AND p.status = 'ACTIVE'`,
      [skus],
    );
  }

  /** Reads a product inside the current transaction, locking it against concurrent admin writes. */
  async lockForUpdate(id: string): Promise<ProductView | null> {
    const locked: unknown[] = await this.tx.manager.query(`SELECT id FROM products WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.length === 0) return null;
    const rows: ProductRow[] = await this.tx.manager.query(`SELECT ${productColumns('p')} FROM products p WHERE p.id = $1`, [id]);
    return toProductView(rows[0]);
  }

  /** The variant with its product locked (price changes). */
  async lockVariant(sku: string): Promise<VariantView | null> {
    const rows: VariantView[] = await this.tx.manager.query(
      `SELECT v.sku, v.product_id AS "productId", v.name, v.price_cents AS "priceCents", v.currency,
              v.compare_at_price_cents AS "compareAtPriceCents", v.weight_grams AS "weightGrams", v.options, v.position
       FROM product_variants v JOIN products p ON p.id = v.product_id
       WHERE v.sku = $1 FOR UPDATE`,
      [sku],
    );
    return rows[0] ?? null;
  }

  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM products WHERE slug = $1 AND id IS DISTINCT FROM $2::uuid`, [slug, exceptId ?? null]);
    return rows.length > 0;
  }

  async existingSkus(skus: readonly string[]): Promise<string[]> {
    if (skus.length === 0) return [];
    const rows: Array<{ sku: string }> = await this.tx.manager.query(`SELECT sku FROM product_variants WHERE sku = ANY($1::text[])`, [skus]);
    return rows.map((row) => row.sku);
  }

  /** The category's name, or null when there is no such category. */
  async categoryName(categoryId: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await this.tx.manager.query(`SELECT name FROM categories WHERE id = $1`, [categoryId]);
    return rows[0]?.name ?? null;
  }

  async insert(product: NewProduct, categoryName: string): Promise<void> {
    await this.tx.manager.insert(ProductEntity, { ...product, categoryName, minPriceCents: 0 });
  }

  async insertVariants(variants: readonly NewVariant[]): Promise<void> {
    if (variants.length > 0) await this.tx.manager.insert(ProductVariantEntity, [...variants]);
  }

  async update(id: string, changes: ProductChanges, categoryName?: string): Promise<void> {
    await this.tx.manager.update(ProductEntity, { id }, { ...changes, ...(categoryName ? { categoryName } : {}), updatedAt: new Date() });
  }

  async setPrice(sku: string, priceCents: number, compareAtPriceCents: number | null): Promise<void> {
    await this.tx.manager.query(
      `UPDATE product_variants SET price_cents = $2, compare_at_price_cents = $3, updated_at = now() WHERE sku = $1`,
      [sku, priceCents, compareAtPriceCents],
    );
  }

  /** Keeps the denormalised starting price (used by price sorts and filters) in step. */
  async refreshMinPrice(productId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE products p SET min_price_cents = coalesce((SELECT min(price_cents) FROM product_variants WHERE product_id = p.id), 0),
              updated_at = now()
       WHERE p.id = $1`,
      [productId],
    );
  }

  /** Idempotent bulk upsert by id for seeds; variants by SKU. Starting prices are refreshed. */
  async upsertMany(products: ReadonlyArray<NewProduct & { categoryName: string }>, variants: readonly NewVariant[]): Promise<void> {
    const manager = this.tx.manager;
    for (let start = 0; start < products.length; start += 200) {
      await manager.upsert(ProductEntity, products.slice(start, start + 200).map((product) => ({ ...product, minPriceCents: 0 })), ['id']);
    }
    for (let start = 0; start < variants.length; start += 500) {
      await manager.upsert(ProductVariantEntity, variants.slice(start, start + 500) as NewVariant[], ['sku']);
    }
    await manager.query(
      `UPDATE products p SET min_price_cents = v.min_price
       FROM (SELECT product_id, min(price_cents) AS min_price FROM product_variants WHERE product_id = ANY($1::uuid[]) GROUP BY product_id) v
       WHERE p.id = v.product_id AND p.min_price_cents IS DISTINCT FROM v.min_price`,
      [products.map((product) => product.id)],
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import { CatalogCache } from '../shared/catalog-cache';
import { looksLike } from '../shared/validation';
import { StockService } from '../stock/stock.service';
import type { CreateProductInput, UpdateProductInput } from './product-admin.input';
import { toProductSnapshot } from './product-events';
import { ProductStatus } from './product-status.enum';
import { validateCreateProduct, validatePrice, validateUpdateProduct } from './product-validation';
import type { ProductView, VariantView } from './product.view';
import { ProductsRepository } from './products.repository';
import { ProductsError, ProductsErrorCode } from './products.errors';

/**
 * Admin writes. Each runs in one transaction that also writes its event to the outbox, and
 * invalidates the catalog caches after commit, so the next read shows the change.
 */
@Injectable()
export class ProductAdminService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly products: ProductsRepository,
    private readonly stock: StockService,
    private readonly events: EventPublisher,
    private readonly cache: CatalogCache,
  ) {}

  async create(input: CreateProductInput): Promise<ProductView> {
    const { product, variants } = validateCreateProduct(input);
    const productId = randomUUID();
    return this.write(async () => {
      const categoryName = await this.products.categoryName(product.categoryId);
      if (!categoryName) throw ProductsError.invalid('input.categoryId', 'unknown category');
      if (await this.products.slugTaken(product.slug)) {
        throw new ProductsError(ProductsErrorCode.SLUG_TAKEN, `input.slug: ${product.slug} is taken`, { field: 'input.slug' });
      }
      const taken = await this.products.existingSkus(variants.map((variant) => variant.sku));
      if (taken.length > 0) {
        const index = variants.findIndex((variant) => variant.sku === taken[0]);
        throw new ProductsError(ProductsErrorCode.SKU_TAKEN, `input.variants[${index}].sku: ${taken[0]} is taken`, { field: `input.variants[${index}].sku` });
      }
      const { coffee, ...fields } = product;
      await this.products.insert({ id: productId, ...fields, ...coffee }, categoryName);
      await this.products.insertVariants(
        variants.map(({ initialStock: _initialStock, ...variant }, position) => ({ ...variant, productId, currency: 'BRL', position })),
      );
      await this.stock.initialize(variants.map((variant) => ({ sku: variant.sku, onHand: variant.initialStock })));
      await this.products.refreshMinPrice(productId);
      const saved = (await this.products.lockForUpdate(productId))!;
      await this.events.publish('catalog.product.created.v1', toProductSnapshot(saved));
      return saved;
    });
  }

  async update(id: string, input: UpdateProductInput): Promise<ProductView> {
    return this.write(async () => {
      const current = await this.lock(id);
      const changes = validateUpdateProduct(input, current.kind);
      let categoryName: string | undefined;
      if (changes.categoryId) {
        categoryName = (await this.products.categoryName(changes.categoryId)) ?? undefined;
        if (!categoryName) throw ProductsError.invalid('input.categoryId', 'unknown category');
      }
      if (changes.slug && changes.slug !== current.slug && (await this.products.slugTaken(changes.slug, current.id))) {
        throw new ProductsError(ProductsErrorCode.SLUG_TAKEN, `input.slug: ${changes.slug} is taken`, { field: 'input.slug' });
      }
      if (changes.status === ProductStatus.ACTIVE && current.variants.length === 0) {
        throw ProductsError.invalid('input.status', 'a product needs a variant before it can be active');
      }
      await this.products.update(current.id, changes, categoryName);
      const saved = (await this.products.lockForUpdate(current.id))!;
      await this.events.publish('catalog.product.updated.v1', toProductSnapshot(saved));
      return saved;
    });
  }

  /** Archiving is idempotent: archiving an archived product changes nothing and publishes nothing. */
  async archive(id: string): Promise<ProductView> {
    return this.write(async () => {
      const current = await this.lock(id);
      if (current.status === ProductStatus.ARCHIVED) return current;
      await this.products.update(current.id, { status: ProductStatus.ARCHIVED });
      const saved = (await this.products.lockForUpdate(current.id))!;
      await this.events.publish('catalog.product.updated.v1', toProductSnapshot(saved));
      return saved;
    });
  }

  /** Sets a variant's price; publishes PriceChanged only when the price actually changed. */
  async setPrice(sku: string, priceCents: number, compareAtPriceCents?: number | null): Promise<VariantView> {
    if (!looksLike.sku(sku)) throw new ProductsError(ProductsErrorCode.VARIANT_NOT_FOUND, `sku: no variant ${sku}`, { field: 'sku' });
    const price = validatePrice(priceCents, compareAtPriceCents);
    return this.write(async () => {
      const variant = await this.products.lockVariant(sku);
      if (!variant) throw new ProductsError(ProductsErrorCode.VARIANT_NOT_FOUND, `sku: no variant ${sku}`, { field: 'sku' });
      await this.products.setPrice(sku, price.priceCents, price.compareAtPriceCents);
      await this.products.refreshMinPrice(variant.productId);
      if (variant.priceCents !== price.priceCents) {
        await this.events.publish('catalog.product.price-changed.v1', {
          productId: variant.productId,
          sku,
          oldPriceCents: variant.priceCents,
          newPriceCents: price.priceCents,
          currency: 'BRL',
        });
      }
      return { ...variant, ...price };
    });
  }

  private async lock(id: string): Promise<ProductView> {
    const product = looksLike.uuid(id) ? await this.products.lockForUpdate(id.toLowerCase()) : null;
    if (!product) throw new ProductsError(ProductsErrorCode.PRODUCT_NOT_FOUND, `id: no product ${id}`, { field: 'id' });
    return product;
  }

  /** Runs a write in a transaction, then invalidates caches; a lost unique race reads as a conflict. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.tx.transaction(async () => {
        const result = await work();
        await this.tx.afterCommit(() => this.cache.productsChanged());
        return result;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'products_slug_key')) {
        throw new ProductsError(ProductsErrorCode.SLUG_TAKEN, 'input.slug: slug is taken', { field: 'input.slug' });
      }
      if (isUniqueViolation(error, 'product_variants_pkey')) {
        throw new ProductsError(ProductsErrorCode.SKU_TAKEN, 'input.variants: a SKU is taken', { field: 'input.variants' });
      }
      throw error;
    }
  }
}

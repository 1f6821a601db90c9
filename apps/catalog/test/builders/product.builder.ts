import type { TransactionHost } from '@mestres/database';
import { CoffeeProcess } from '../../src/products/coffee-process.enum';
import { ProductKind } from '../../src/products/product-kind.enum';
import { ProductStatus } from '../../src/products/product-status.enum';
import { RoastLevel } from '../../src/products/roast-level.enum';
import { buildDemoCatalog, type SeedProduct, type SeedVariant } from '../../src/seed/demo-catalog';
import { upsertProducts } from '../../src/seed/seed-catalog';
import { productIdForSlug } from '../../src/shared/stable-id';

let sequence = 0;

/** Test products: `await aProduct().withStock(3).insert(db.tx)`. Needs the demo categories. */
export class ProductBuilder {
  private readonly product: SeedProduct;

  constructor() {
    const n = `${process.pid}${++sequence}`;
    const slug = `produto-teste-${n}`;
    this.product = {
      id: productIdForSlug(slug),
      slug,
      kind: ProductKind.COFFEE,
      status: ProductStatus.ACTIVE,
      name: `Café de Teste ${n}`,
      description: 'Um café usado nos testes.',
      images: [],
      categorySlug: 'cafes-do-brasil',
      brand: 'Mestres Café',
      tags: [],
      originCountry: 'Brasil',
      originRegion: 'Sul de Minas',
      farm: null,
      producer: null,
      altitudeMinM: null,
      altitudeMaxM: null,
      varieties: [],
      process: CoffeeProcess.NATURAL,
      roastLevel: RoastLevel.MEDIUM,
      scaScore: 85,
      tastingNotes: [],
      createdAt: new Date(),
      variants: [this.variant(`TST-${n}-A`, 0)],
    };
  }

  private variant(sku: string, onHand: number, priceCents = 4_990): SeedVariant {
    return { sku, name: sku, priceCents, compareAtPriceCents: null, weightGrams: 270, options: {}, onHand };
  }

  /** Stock of the single default variant. */
  withStock(onHand: number): this {
    this.product.variants[0].onHand = onHand;
    return this;
  }

  /** Adds a variant with its own SKU suffix, stock and price. */
  withVariant(suffix: string, onHand: number, priceCents?: number): this {
    this.product.variants.push(this.variant(`${this.product.variants[0].sku}-${suffix}`, onHand, priceCents));
    return this;
  }

  withStatus(status: ProductStatus): this {
    this.product.status = status;
    return this;
  }

  build(): SeedProduct {
    return structuredClone(this.product);
  }

  async insert(tx: TransactionHost): Promise<SeedProduct> {
    const product = this.build();
    await upsertProducts(tx, [product], buildDemoCatalog().categories);
    return product;
  }
}

export const aProduct = () => new ProductBuilder();

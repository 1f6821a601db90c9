import { Context, Int, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { requestLoader, INHERIT_CACHE_HINT } from '@mestres/graphql';
import { stockLoader } from '../stock/stock-loader';
import { StockService } from '../stock/stock.service';
import { ProductModel, ProductVariantModel, toProductModel, toVariantModel } from './product.model';
import type { VariantView } from './product.view';
import { productLoader } from './products.resolver';
import { ProductsService } from './products.service';

@Resolver(() => ProductVariantModel)
export class ProductVariantResolver {
  constructor(
    private readonly products: ProductsService,
    private readonly stock: StockService,
  ) {}

  /** Other subgraphs (orders, carts) reference variants by SKU; one SQL statement per batch. */
  @ResolveReference()
  async resolveReference(@Parent() reference: { __typename: 'ProductVariant'; sku: string }, @Context() context: object): Promise<ProductVariantModel | null> {
    const variant = await requestLoader<string, VariantView | null>(context, 'catalog.variantBySku', (skus) => this.products.variantsBySkus(skus)).load(
      reference.sku,
    );
    return variant ? toVariantModel(variant) : null;
  }

  @ResolveField(() => ProductModel, { ...INHERIT_CACHE_HINT, description: 'The product this variant belongs to.' })
  async product(@Parent() variant: ProductVariantModel, @Context() context: object): Promise<ProductModel> {
    const product = await productLoader(context, this.products).load(variant.productId);
    if (!product) throw new Error(`variant ${variant.sku} points at missing product ${variant.productId}`);
    return toProductModel(product);
  }

  @ResolveField(() => Int, { description: 'Units that can be ordered now (on hand minus reserved for open orders).' })
  async availableQuantity(@Parent() variant: ProductVariantModel, @Context() context: object): Promise<number> {
    return (await stockLoader(context, this.stock).load(variant.sku))?.available ?? 0;
  }

  @ResolveField(() => Boolean, { description: 'True when at least one unit can be ordered now.' })
  async inStock(@Parent() variant: ProductVariantModel, @Context() context: object): Promise<boolean> {
    return ((await stockLoader(context, this.stock).load(variant.sku))?.available ?? 0) > 0;
  }
}

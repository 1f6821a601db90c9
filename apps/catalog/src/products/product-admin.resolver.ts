import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@mestres/auth';
import { CreateProductInput, UpdateProductInput } from './product-admin.input';
import { ProductAdminService } from './product-admin.service';
import { ProductModel, ProductVariantModel, toProductModel, toVariantModel } from './product.model';

/** Catalog administration; every mutation needs the ADMIN role. */
@Resolver(() => ProductModel)
export class ProductAdminResolver {
  constructor(private readonly admin: ProductAdminService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => ProductModel, { description: 'Admin: adds a product with its variants (and their starting stock).' })
  async createProduct(@Args('input', { description: 'The new product.' }) input: CreateProductInput): Promise<ProductModel> {
    return toProductModel(await this.admin.create(input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ProductModel, { description: 'Admin: changes a product; omitted fields stay as they are.' })
  async updateProduct(
    @Args('id', { type: () => ID, description: 'The product to change.' }) id: string,
    @Args('input', { description: 'The changes.' }) input: UpdateProductInput,
  ): Promise<ProductModel> {
    return toProductModel(await this.admin.update(id, input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ProductModel, { description: 'Admin: takes a product off sale; its page keeps resolving. Idempotent.' })
  async archiveProduct(@Args('id', { type: () => ID, description: 'The product to archive.' }) id: string): Promise<ProductModel> {
    return toProductModel(await this.admin.archive(id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ProductVariantModel, { description: 'Admin: sets the price of one variant; the next read shows it.' })
  async setVariantPrice(
    @Args('sku', { description: 'The variant.' }) sku: string,
    @Args('priceCents', { type: () => Int, description: 'New price in cents (BRL).' }) priceCents: number,
    @Args('compareAtPriceCents', { type: () => Int, nullable: true, description: 'Previous ("de") price in cents, above the new price; omit to clear.' })
    compareAtPriceCents: number | undefined,
  ): Promise<ProductVariantModel> {
    return toVariantModel(await this.admin.setPrice(sku, priceCents, compareAtPriceCents));
  }
}

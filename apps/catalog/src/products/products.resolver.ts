import { Args, Context, ID, Info, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type CallerIdentity, CurrentUser, hasRole, Role } from '@mestres/auth';
import { requestLoader, setCacheHint, INHERIT_CACHE_HINT } from '@mestres/graphql';
import { CategoriesService } from '../categories/categories.service';
import { CategoryModel, toCategoryModel } from '../categories/category.model';
import { CatalogSettings } from '../shared/catalog-settings';
import { stockLoader } from '../stock/stock-loader';
import { StockService } from '../stock/stock.service';
import { ProductModel, toProductModel } from './product.model';
import type { ProductView } from './product.view';
import { ProductsError, ProductsErrorCode } from './products.errors';
import { ProductsService } from './products.service';

/** The per-request loader that batches product ids into one statement. */
export function productLoader(context: object, products: ProductsService) {
  return requestLoader<string, ProductView | null>(context, 'catalog.productById', (ids) => products.byIds(ids));
}

@Resolver(() => ProductModel)
export class ProductsResolver {
  constructor(
    private readonly products: ProductsService,
    private readonly categories: CategoriesService,
    private readonly stock: StockService,
    private readonly settings: CatalogSettings,
  ) {}

  @Query(() => ProductModel, {
    nullable: true,
    description: 'A product by id or slug (give exactly one); null when there is none. Drafts are visible to admins only.',
  })
  async product(
    @Args('id', { type: () => ID, nullable: true, description: 'Product id.' }) id: string | undefined,
    @Args('slug', { type: () => String, nullable: true, description: 'Product slug, e.g. `chemex-classica-6-xicaras`.' }) slug: string | undefined,
    @CurrentUser() caller: CallerIdentity | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductModel | null> {
    if ((id == null) === (slug == null)) {
      throw new ProductsError(ProductsErrorCode.INVALID_INPUT, 'id: give either id or slug', { field: id == null ? 'id' : 'slug' });
    }
    const viewer = this.viewer(caller, info);
    const product = id != null ? await this.products.byId(id, viewer) : await this.products.bySlug(slug!, viewer);
    return product ? toProductModel(product) : null;
  }

  @Query(() => ProductModel, { nullable: true, description: 'The product that has a variant with this SKU; null when there is none.' })
  async productBySku(
    @Args('sku', { description: 'Variant SKU, e.g. `CAF-MANTIQUEIRA-250-GRAO`.' }) sku: string,
    @CurrentUser() caller: CallerIdentity | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductModel | null> {
    const product = await this.products.bySku(sku, this.viewer(caller, info));
    return product ? toProductModel(product) : null;
  }

  /** Other subgraphs reference products by id; a whole batch costs one SQL statement. */
  @ResolveReference()
  async resolveReference(@Parent() reference: { __typename: 'Product'; id: string }, @Context() context: object): Promise<ProductModel | null> {
    const product = await productLoader(context, this.products).load(reference.id);
    return product ? toProductModel(product) : null;
  }

  @ResolveField(() => CategoryModel, { ...INHERIT_CACHE_HINT, description: 'The category the product is listed in; see `breadcrumbs` for its trail.' })
  async category(@Parent() product: ProductModel): Promise<CategoryModel> {
    const category = (await this.categories.treeWith({ id: product.categoryId })).find({ id: product.categoryId });
    if (!category) throw new Error(`product ${product.id} points at missing category ${product.categoryId}`);
    return toCategoryModel(category);
  }

  @ResolveField(() => Boolean, { description: 'True when at least one variant has units available.' })
  async inStock(@Parent() product: ProductModel, @Context() context: object): Promise<boolean> {
    const levels = await stockLoader(context, this.stock).loadMany(product.variants.map((variant) => variant.sku));
    return levels.some((level) => level !== null && !(level instanceof Error) && level.available > 0);
  }

  /** Drafts make a response personal: admins get them, with a private cache scope. */
  private viewer(caller: CallerIdentity | null, info: GraphQLResolveInfo) {
    const isAdmin = hasRole(caller, Role.ADMIN);
    setCacheHint(info, isAdmin ? { maxAge: 0, scope: 'PRIVATE' } : this.settings.publicHint);
    return { isAdmin };
  }
}

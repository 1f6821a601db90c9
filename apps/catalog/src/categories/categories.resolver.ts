import { Args, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { setCacheHint, INHERIT_CACHE_HINT } from '@mestres/graphql';
import { looksLike } from '../shared/validation';
import { CatalogSettings } from '../shared/catalog-settings';
import { CategoriesService } from './categories.service';
import { CategoryModel, toCategoryModel } from './category.model';

@Resolver(() => CategoryModel)
export class CategoriesResolver {
  constructor(
    private readonly tree: CategoriesService,
    private readonly settings: CatalogSettings,
  ) {}

  @Query(() => [CategoryModel], { description: 'The top-level categories; walk `children` for the whole tree.' })
  async categories(@Info() info: GraphQLResolveInfo): Promise<CategoryModel[]> {
    setCacheHint(info, this.settings.publicHint);
    return (await this.tree.tree()).roots.map(toCategoryModel);
  }

  @Query(() => CategoryModel, { nullable: true, description: 'A category by slug, or null when there is none.' })
  async category(
    @Args('slug', { description: 'Category slug, e.g. `metodos-de-preparo`.' }) slug: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CategoryModel | null> {
    setCacheHint(info, this.settings.publicHint);
    if (!looksLike.slug(slug)) return null;
    const category = (await this.tree.tree()).find({ slug });
    return category ? toCategoryModel(category) : null;
  }

  @ResolveField(() => CategoryModel, { ...INHERIT_CACHE_HINT, nullable: true, description: 'The parent category; null at the top level.' })
  async parent(@Parent() category: CategoryModel): Promise<CategoryModel | null> {
    if (!category.parentId) return null;
    const parent = (await this.tree.tree()).find({ id: category.parentId });
    return parent ? toCategoryModel(parent) : null;
  }

  @ResolveField(() => [CategoryModel], { ...INHERIT_CACHE_HINT, description: 'Direct sub-categories, in display order.' })
  async children(@Parent() category: CategoryModel): Promise<CategoryModel[]> {
    return (await this.tree.tree()).childrenOf(category.id).map(toCategoryModel);
  }

  @ResolveField(() => [CategoryModel], { ...INHERIT_CACHE_HINT, description: 'Breadcrumbs: the categories from the top level down to this one, inclusive.' })
  async breadcrumbs(@Parent() category: CategoryModel): Promise<CategoryModel[]> {
    const tree = await this.tree.tree();
    const found = tree.find({ id: category.id });
    return found ? tree.breadcrumbs(found).map(toCategoryModel) : [];
  }
}

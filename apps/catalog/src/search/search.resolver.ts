import { Args, ArgsType, Field, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, setCacheHint } from '@mestres/graphql';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { toProductModel } from '../products/product.model';
import { RoastLevel } from '../products/roast-level.enum';
import { CatalogSettings } from '../shared/catalog-settings';
import { STOCK_FILTER_CACHE_HINT } from '../stock/stock-loader';
import { MAX_QUERY_LENGTH } from './catalog-query';
import { ProductFilterInput } from './product-filter.input';
import { ProductSort } from './product-sort.enum';
import { ProductConnection, ProductSearchConnection } from './search.model';
import { type ProductPage, SearchService } from './search.service';

@ArgsType()
class ProductsArgs extends ConnectionArgs {
  @Field(() => ProductFilterInput, { nullable: true, description: 'Conditions every product must meet.' })
  filter?: ProductFilterInput;

  @Field(() => ProductSort, { nullable: true, description: 'Order of the list (default NEWEST; RELEVANCE needs `search`).' })
  sort?: ProductSort;
}

@ArgsType()
class SearchArgs extends ProductsArgs {
  @Field({
    description: `What to look for, 1 to ${MAX_QUERY_LENGTH} characters, in Portuguese; accents and case do not matter. Supports "exact phrases", OR and -exclusions.`,
  })
  query: string;
}

@Resolver()
export class SearchResolver {
  constructor(
    private readonly catalogSearch: SearchService,
    private readonly settings: CatalogSettings,
  ) {}

  @Query(() => ProductConnection, { description: 'Active products, filtered and sorted, one page at a time.' })
  async products(@Args() args: ProductsArgs, @Info() info: GraphQLResolveInfo): Promise<ProductConnection> {
    setCacheHint(info, args.filter?.inStock == null ? this.settings.publicHint : STOCK_FILTER_CACHE_HINT);
    return toConnection(await this.catalogSearch.list(args));
  }

  @Query(() => ProductSearchConnection, { description: 'Full-text search over active products, with highlights and facet counts.' })
  async search(@Args() args: SearchArgs, @Info() info: GraphQLResolveInfo): Promise<ProductSearchConnection> {
    setCacheHint(info, this.settings.publicHint);
    const page = await this.catalogSearch.fullText(args);
    return {
      ...toConnection(page),
      edges: page.edges.map((edge) => ({
        cursor: edge.cursor,
        node: toProductModel(edge.product),
        highlight: edge.highlight,
        nameHighlight: edge.nameHighlight,
        score: edge.score,
      })),
      facets: {
        origins: page.facets.origins,
        processes: page.facets.processes.map((facet) => ({ process: facet.value as CoffeeProcess, count: facet.count })),
        roastLevels: page.facets.roastLevels.map((facet) => ({ roastLevel: facet.value as RoastLevel, count: facet.count })),
        priceBuckets: page.facets.priceBuckets,
      },
      correctedQuery: page.correctedQuery,
    };
  }
}

function toConnection(page: ProductPage): ProductConnection {
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toProductModel(edge.product) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

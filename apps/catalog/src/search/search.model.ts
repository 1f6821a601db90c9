import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo, INHERIT_CACHE_HINT } from '@mestres/graphql';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { ProductModel } from '../products/product.model';
import { RoastLevel } from '../products/roast-level.enum';

@ObjectType('ProductEdge', { description: 'An edge in a Product connection.' })
export class ProductEdgeModel {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor: string;

  @Field(() => ProductModel, { ...INHERIT_CACHE_HINT, description: 'The Product.' })
  node: ProductModel;
}

/** Written out rather than made with the graphql lib's `Connection()`, to mark its object fields cacheable. */
@ObjectType('ProductConnection', { description: 'A page of products.' })
export class ProductConnection {
  @Field(() => [ProductEdgeModel], { ...INHERIT_CACHE_HINT, description: 'The items of this page, in order.' })
  edges: ProductEdgeModel[];

  @Field(() => PageInfo, { ...INHERIT_CACHE_HINT, description: 'Where this page sits in the whole list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of items matching the query across all pages.' })
  totalCount: number;
}

@ObjectType('ProductSearchEdge', { description: 'A product matching a search, with why it matched.' })
export class ProductSearchEdgeModel {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor: string;

  @Field(() => ProductModel, { ...INHERIT_CACHE_HINT, description: 'The product.' })
  node: ProductModel;

  @Field({
    description:
      'Fragments of the description around the matched words, which are wrapped in `<mark>`; the rest is HTML-escaped text. Empty when only the name matched.',
  })
  highlight: string;

  @Field({ description: 'The product name, HTML-escaped, with matched words wrapped in `<mark>`.' })
  nameHighlight: string;

  @Field(() => Float, { description: 'Relevance to the query; higher is better. Only comparable within one search.' })
  score: number;
}

@ObjectType('FacetCount', { description: 'How many results have one value of a facet.' })
export class FacetCountModel {
  @Field({ description: 'The value, e.g. `Etiópia`.' })
  value: string;

  @Field(() => Int, { description: 'Results with this value.' })
  count: number;
}

@ObjectType('ProcessFacetCount', { description: 'How many results were processed one way.' })
export class ProcessFacetCountModel {
  @Field(() => CoffeeProcess, { description: 'The process.' })
  process: CoffeeProcess;

  @Field(() => Int, { description: 'Results with this process.' })
  count: number;
}

@ObjectType('RoastLevelFacetCount', { description: 'How many results have one roast level.' })
export class RoastLevelFacetCountModel {
  @Field(() => RoastLevel, { description: 'The roast level.' })
  roastLevel: RoastLevel;

  @Field(() => Int, { description: 'Results with this roast level.' })
  count: number;
}

@ObjectType('PriceBucket', { description: 'How many results start at a price within a range.' })
export class PriceBucketModel {
  @Field(() => Int, { description: 'Lower bound in cents, inclusive.' })
  minCents: number;

  @Field(() => Int, { nullable: true, description: 'Upper bound in cents, exclusive; null for the open-ended top bucket.' })
  maxCents: number | null;

  @Field(() => Int, { description: 'Results whose starting price falls in the range.' })
  count: number;
}

@ObjectType('SearchFacets', { description: 'Counts over the whole result set (all pages), to refine a search.' })
export class SearchFacetsModel {
  @Field(() => [FacetCountModel], { ...INHERIT_CACHE_HINT, description: 'Origin countries, most frequent first.' })
  origins: FacetCountModel[];

  @Field(() => [ProcessFacetCountModel], { ...INHERIT_CACHE_HINT, description: 'Processes, most frequent first.' })
  processes: ProcessFacetCountModel[];

  @Field(() => [RoastLevelFacetCountModel], { ...INHERIT_CACHE_HINT, description: 'Roast levels, most frequent first.' })
  roastLevels: RoastLevelFacetCountModel[];

  @Field(() => [PriceBucketModel], { ...INHERIT_CACHE_HINT, description: 'Starting-price ranges, cheapest first; empty ranges have count 0.' })
  priceBuckets: PriceBucketModel[];
}

@ObjectType('ProductSearchConnection', { description: 'A page of search results with facet counts.' })
export class ProductSearchConnection {
  @Field(() => [ProductSearchEdgeModel], { ...INHERIT_CACHE_HINT, description: 'Results of this page, best first unless another sort was asked for.' })
  edges: ProductSearchEdgeModel[];

  @Field(() => PageInfo, { ...INHERIT_CACHE_HINT, description: 'Where this page sits in the whole result.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Number of results across all pages.' })
  totalCount: number;

  @Field(() => SearchFacetsModel, { ...INHERIT_CACHE_HINT, description: 'Facet counts over all results.' })
  facets: SearchFacetsModel;

  @Field(() => String, {
    nullable: true,
    description: 'When the query as typed matched nothing, the corrected query that was searched instead (e.g. "etiopai" -> "etiopia"), for a "mostrando resultados para" hint; null otherwise.',
  })
  correctedQuery: string | null;
}

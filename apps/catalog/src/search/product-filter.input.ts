import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CoffeeProcess } from '../products/coffee-process.enum';
import { ProductKind } from '../products/product-kind.enum';
import { RoastLevel } from '../products/roast-level.enum';

@InputType({ description: 'Narrows a product list or search. All given conditions must hold.' })
export class ProductFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only products in this category or any of its descendants.' })
  categoryId?: string;

  @Field({ nullable: true, description: 'Same as `categoryId`, by slug (e.g. `cafes-especiais`). Give one or the other.' })
  categorySlug?: string;

  @Field(() => [ProductKind], { nullable: true, description: 'Only products of these kinds.' })
  kinds?: ProductKind[];

  @Field(() => Int, { nullable: true, description: 'Minimum starting price (cheapest variant), in cents.' })
  priceMinCents?: number;

  @Field(() => Int, { nullable: true, description: 'Maximum starting price (cheapest variant), in cents.' })
  priceMaxCents?: number;

  @Field(() => [String], { nullable: true, description: 'Origin countries, e.g. `["Brasil", "Etiópia"]`; accents and case are ignored.' })
  origins?: string[];

  @Field(() => [CoffeeProcess], { nullable: true, description: 'Only coffees processed in one of these ways.' })
  processes?: CoffeeProcess[];

  @Field(() => [RoastLevel], { nullable: true, description: 'Only coffees of these roast levels.' })
  roastLevels?: RoastLevel[];

  @Field({ nullable: true, description: 'true: only products with a variant in stock; false: only sold-out products.' })
  inStock?: boolean;

  @Field(() => [String], { nullable: true, description: 'Only products carrying all of these tags.' })
  tags?: string[];
}

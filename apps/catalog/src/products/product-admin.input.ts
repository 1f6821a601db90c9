import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CoffeeProcess } from './coffee-process.enum';
import { ProductKind } from './product-kind.enum';
import { ProductStatus } from './product-status.enum';
import { RoastLevel } from './roast-level.enum';

@InputType({ description: 'A product photo.' })
export class ProductImageInput {
  @Field({ description: 'Absolute https URL of the image.' })
  url: string;

  @Field({ description: 'Alternative text in Portuguese, for screen readers.' })
  alt: string;
}

@InputType({ description: 'One option of a variant, e.g. `{ name: "moagem", value: "grão" }`.' })
export class VariantOptionInput {
  @Field({ description: 'Option name, e.g. `tamanho`, `moagem`, `cor`.' })
  name: string;

  @Field({ description: 'Option value, e.g. `250 g`, `grão`, `preto`.' })
  value: string;
}

@InputType({ description: 'A new sellable variant.' })
export class VariantInput {
  @Field({ description: 'Unique SKU in upper case, digits and dashes, e.g. `CAF-SUL-MINAS-250-GRAO`. Cannot change later.' })
  sku: string;

  @Field({ description: 'Variant label, e.g. `250 g · Grão`.' })
  name: string;

  @Field(() => Int, { description: 'Price in cents (BRL).' })
  priceCents: number;

  @Field(() => Int, { nullable: true, description: 'Previous ("de") price in cents; must be above the price.' })
  compareAtPriceCents?: number;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams.' })
  weightGrams?: number;

  @Field(() => [VariantOptionInput], { nullable: true, description: 'What distinguishes this variant (size, grind, colour).' })
  options?: VariantOptionInput[];

  @Field(() => Int, { nullable: true, description: 'Units on hand to start with (default 0).' })
  initialStock?: number;
}

@InputType({ description: 'Facts about a coffee; only for products of kind COFFEE.' })
export class CoffeeAttributesInput {
  @Field({ nullable: true, description: 'Country of origin in Portuguese, e.g. `Brasil`, `Etiópia`.' })
  originCountry?: string;

  @Field({ nullable: true, description: 'Region, e.g. `Sul de Minas`, `Yirgacheffe`.' })
  originRegion?: string;

  @Field({ nullable: true, description: 'Farm or washing station.' })
  farm?: string;

  @Field({ nullable: true, description: 'Producer or cooperative.' })
  producer?: string;

  @Field(() => Int, { nullable: true, description: 'Lowest altitude of the farm, in metres.' })
  altitudeMinM?: number;

  @Field(() => Int, { nullable: true, description: 'Highest altitude of the farm, in metres.' })
  altitudeMaxM?: number;

  @Field(() => [String], { nullable: true, description: 'Botanical varieties, e.g. `Bourbon Amarelo`.' })
  varieties?: string[];

  @Field(() => CoffeeProcess, { nullable: true, description: 'Post-harvest process.' })
  process?: CoffeeProcess;

  @Field(() => RoastLevel, { nullable: true, description: 'Roast level.' })
  roastLevel?: RoastLevel;

  @Field(() => Float, { nullable: true, description: 'SCA cupping score, 0 to 100 (specialty is 80+).' })
  scaScore?: number;

  @Field(() => [String], { nullable: true, description: 'Tasting notes in Portuguese, e.g. `chocolate`, `caramelo`.' })
  tastingNotes?: string[];
}

@InputType({ description: 'A new product with at least one variant.' })
export class CreateProductInput {
  @Field({ description: 'URL-friendly unique name: lower case, digits and dashes.' })
  slug: string;

  @Field(() => ProductKind, { description: 'What the product is.' })
  kind: ProductKind;

  @Field({ description: 'Display name in Portuguese.' })
  name: string;

  @Field({ nullable: true, description: 'Description in Portuguese (plain text).' })
  description?: string;

  @Field(() => [ProductImageInput], { nullable: true, description: 'Photos, first is the main one.' })
  images?: ProductImageInput[];

  @Field(() => ID, { description: 'Category the product belongs to.' })
  categoryId: string;

  @Field({ nullable: true, description: 'Brand or roaster.' })
  brand?: string;

  @Field(() => [String], { nullable: true, description: 'Free tags, stored in lower case.' })
  tags?: string[];

  @Field(() => CoffeeAttributesInput, { nullable: true, description: 'Coffee facts; required shape only for COFFEE products.' })
  coffee?: CoffeeAttributesInput;

  @Field(() => [VariantInput], { description: 'At least one variant.' })
  variants: VariantInput[];

  @Field(() => ProductStatus, { nullable: true, description: 'DRAFT (default) or ACTIVE.' })
  status?: ProductStatus;
}

@InputType({ description: 'Changes to a product; omitted fields stay as they are. Prices and stock have their own mutations.' })
export class UpdateProductInput {
  @Field({ nullable: true, description: 'New slug; old links stop working.' })
  slug?: string;

  @Field({ nullable: true, description: 'Display name in Portuguese.' })
  name?: string;

  @Field({ nullable: true, description: 'Description in Portuguese (plain text).' })
  description?: string;

  @Field(() => [ProductImageInput], { nullable: true, description: 'Replaces all photos.' })
  images?: ProductImageInput[];

  @Field(() => ID, { nullable: true, description: 'Moves the product to another category.' })
  categoryId?: string;

  @Field({ nullable: true, description: 'Brand or roaster.' })
  brand?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags.' })
  tags?: string[];

  @Field(() => CoffeeAttributesInput, { nullable: true, description: 'Replaces all coffee facts (COFFEE products only).' })
  coffee?: CoffeeAttributesInput;

  @Field(() => ProductStatus, { nullable: true, description: 'DRAFT or ACTIVE; use archiveProduct to archive.' })
  status?: ProductStatus;
}

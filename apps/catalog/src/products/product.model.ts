import { INHERIT_CACHE_HINT } from '@mestres/graphql';
import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CoffeeProcess } from './coffee-process.enum';
import { ProductKind } from './product-kind.enum';
import { ProductStatus } from './product-status.enum';
import type { CoffeeAttributesView, ProductView, VariantView } from './product.view';
import { RoastLevel } from './roast-level.enum';

@ObjectType('ProductImage', { description: 'A product photo.' })
export class ProductImageModel {
  @Field({ description: 'Absolute https URL.' })
  url: string;

  @Field({ description: 'Alternative text in Portuguese.' })
  alt: string;
}

@ObjectType('CoffeeAttributes', { description: 'What specialty-coffee buyers look for: origin, process, roast and cup.' })
export class CoffeeAttributesModel {
  @Field(() => String, { nullable: true, description: 'Country of origin, in Portuguese (e.g. `Brasil`, `Etiópia`).' })
  originCountry: string | null;

  @Field(() => String, { nullable: true, description: 'Region, e.g. `Sul de Minas`, `Yirgacheffe`.' })
  originRegion: string | null;

  @Field(() => String, { nullable: true, description: 'Farm or washing station.' })
  farm: string | null;

  @Field(() => String, { nullable: true, description: 'Producer or cooperative.' })
  producer: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest altitude of the farm, in metres.' })
  altitudeMinM: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest altitude of the farm, in metres.' })
  altitudeMaxM: number | null;

  @Field(() => [String], { description: 'Botanical varieties, e.g. `Bourbon Amarelo`, `Geisha`.' })
  varieties: string[];

  @Field(() => CoffeeProcess, { nullable: true, description: 'Post-harvest process.' })
  process: CoffeeProcess | null;

  @Field(() => RoastLevel, { nullable: true, description: 'Roast level.' })
  roastLevel: RoastLevel | null;

  @Field(() => Float, { nullable: true, description: 'SCA cupping score (0-100; specialty is 80+).' })
  scaScore: number | null;

  @Field(() => [String], { description: 'Tasting notes in Portuguese, e.g. `chocolate`, `frutas amarelas`.' })
  tastingNotes: string[];
}

@ObjectType('VariantOption', { description: 'One property that distinguishes a variant, e.g. `moagem: grão`.' })
export class VariantOptionModel {
  @Field({ description: 'Option name, e.g. `tamanho`, `moagem`, `cor`.' })
  name: string;

  @Field({ description: 'Option value, e.g. `250 g`, `grão`, `preto`.' })
  value: string;
}

@ObjectType('ProductVariant', { description: 'A sellable variant of a product (size, grind, colour, class date), identified by SKU.' })
@Directive('@key(fields: "sku")')
export class ProductVariantModel {
  @Field(() => ID, { description: 'Stock keeping unit, unique across the catalog; never changes.' })
  sku: string;

  @Field({ description: 'Variant label, e.g. `250 g · Grão`.' })
  name: string;

  @Field(() => Int, { description: 'Price in cents of `currency`.' })
  priceCents: number;

  @Field(() => Int, { nullable: true, description: 'Previous ("de") price in cents, shown struck through; null when not on sale.' })
  compareAtPriceCents: number | null;

  @Field({ description: 'ISO 4217 currency of the prices; always `BRL`.' })
  currency: string;

  @Field(() => Int, { nullable: true, description: 'Shipping weight in grams.' })
  weightGrams: number | null;

  @Field(() => [VariantOptionModel], { ...INHERIT_CACHE_HINT, description: 'What distinguishes this variant from its siblings.' })
  options: VariantOptionModel[];

  productId: string;
}

@ObjectType('Product', { description: 'A product of the Mestres Café catalog: a coffee, a piece of equipment or a course seat.' })
@Directive('@key(fields: "id")')
export class ProductModel {
  @Field(() => ID, { description: 'Stable product id.' })
  id: string;

  @Field({ description: 'URL-friendly unique name, e.g. `cafe-sul-de-minas-bourbon-amarelo`.' })
  slug: string;

  @Field(() => ProductKind, { description: 'Coffee, equipment or course seat.' })
  kind: ProductKind;

  @Field(() => ProductStatus, { description: 'Lifecycle status; public lists only show ACTIVE products.' })
  status: ProductStatus;

  @Field({ description: 'Display name in Portuguese.' })
  name: string;

  @Field({ description: 'Description in Portuguese (plain text).' })
  description: string;

  @Field(() => [ProductImageModel], { ...INHERIT_CACHE_HINT, description: 'Photos; the first is the main one.' })
  images: ProductImageModel[];

  @Field(() => String, { nullable: true, description: 'Brand or roaster.' })
  brand: string | null;

  @Field(() => [String], { description: 'Free tags in lower case, e.g. `presente`, `frutado`.' })
  tags: string[];

  @Field(() => CoffeeAttributesModel, { ...INHERIT_CACHE_HINT, nullable: true, description: 'Coffee facts; null for equipment and course seats.' })
  coffee: CoffeeAttributesModel | null;

  @Field(() => [ProductVariantModel], { ...INHERIT_CACHE_HINT, description: 'Sellable variants, in display order.' })
  variants: ProductVariantModel[];

  @Field(() => Int, { description: 'Starting price: the price in cents of the cheapest variant.' })
  minPriceCents: number;

  @Field({ description: 'When the product was added.' })
  createdAt: Date;

  @Field({ description: 'When the product last changed.' })
  updatedAt: Date;

  categoryId: string;
}

export function toVariantModel(view: VariantView): ProductVariantModel {
  return {
    sku: view.sku,
    name: view.name,
    priceCents: view.priceCents,
    compareAtPriceCents: view.compareAtPriceCents,
    currency: view.currency,
    weightGrams: view.weightGrams,
    options: Object.entries(view.options ?? {}).map(([name, value]) => ({ name, value })),
    productId: view.productId,
  };
}

function toCoffeeModel(view: CoffeeAttributesView): CoffeeAttributesModel {
  return { ...view };
}

export function toProductModel(view: ProductView): ProductModel {
  return {
    id: view.id,
    slug: view.slug,
    kind: view.kind,
    status: view.status,
    name: view.name,
    description: view.description,
    images: view.images,
    brand: view.brand,
    tags: view.tags,
    coffee: view.coffee ? toCoffeeModel(view.coffee) : null,
    variants: view.variants.map(toVariantModel),
    minPriceCents: view.minPriceCents,
    createdAt: new Date(view.createdAt),
    updatedAt: new Date(view.updatedAt),
    categoryId: view.categoryId,
  };
}

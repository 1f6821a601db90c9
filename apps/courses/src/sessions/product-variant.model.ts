import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The catalog's ProductVariant (price, availability), referenced by SKU; resolved by the catalog. */
@ObjectType('ProductVariant', { description: 'A sellable variant of a catalog product.' })
@Directive('@key(fields: "sku", resolvable: false)')
export class ProductVariantReference {
  @Field(() => ID, { description: 'Stock keeping unit, unique across the catalog.' })
  sku: string;
}

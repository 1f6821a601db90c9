import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The catalog's ProductVariant, referenced by SKU; the gateway fetches its fields from the catalog. */
@ObjectType('ProductVariant', { description: 'A sellable variant of a product, owned by the catalog.' })
@Directive('@key(fields: "sku", resolvable: false)')
export class ProductVariantReference {
  @Field(() => ID, { description: 'Stock keeping unit.' })
  sku: string;
}

export const variantReference = (sku: string): ProductVariantReference => ({ sku });

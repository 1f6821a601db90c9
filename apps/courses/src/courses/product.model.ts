import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The catalog's Product, extended here with the course its seats belong to. */
@ObjectType('Product', { description: 'A product of the catalog.' })
@Directive('@key(fields: "id")')
export class ProductReference {
  @Field(() => ID, { description: 'Catalog product id.' })
  id: string;
}

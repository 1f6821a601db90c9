import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StockLevel', { description: 'Units of one SKU.' })
export class StockLevelModel {
  @Field(() => ID, { description: 'The SKU.' })
  sku: string;

  @Field(() => Int, { description: 'Units physically in stock.' })
  onHand: number;

  @Field(() => Int, { description: 'Units held for orders not yet paid or cancelled.' })
  reserved: number;

  @Field(() => Int, { description: 'Units that can be ordered now: onHand minus reserved.' })
  available: number;
}

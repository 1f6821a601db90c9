import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Adds units of a SKU to a cart.' })
export class AddToCartInput {
  @Field(() => ID, { nullable: true, description: 'Guest cart to add to (anonymous callers). Omit to start a new guest cart; ignored when signed in (your own cart is used).' })
  cartId?: string | null;

  @Field(() => ID, { description: 'SKU of the variant to add.' })
  sku: string;

  @Field(() => Int, { description: 'Units to add, 1 to 99; the line never exceeds 99 units.' })
  quantity: number;
}

@InputType({ description: 'Sets the quantity of a SKU already in a cart.' })
export class UpdateCartLineInput {
  @Field(() => ID, { nullable: true, description: 'Guest cart (anonymous callers); ignored when signed in.' })
  cartId?: string | null;

  @Field(() => ID, { description: 'SKU of the line.' })
  sku: string;

  @Field(() => Int, { description: 'New quantity, 0 to 99; 0 removes the line.' })
  quantity: number;
}

@InputType({ description: 'Removes a SKU from a cart.' })
export class RemoveFromCartInput {
  @Field(() => ID, { nullable: true, description: 'Guest cart (anonymous callers); ignored when signed in.' })
  cartId?: string | null;

  @Field(() => ID, { description: 'SKU of the line to remove; removing a SKU that is not in the cart is a no-op.' })
  sku: string;
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { CartModel } from './cart.model';
import { AddToCartInput, RemoveFromCartInput, UpdateCartLineInput } from './cart.input';
import { CartService, type CartOwner } from './cart.service';

/** Signed-in callers always get their own cart; anonymous callers name their guest cart. */
const ownerOf = (caller: CallerIdentity | null, cartId: string | null | undefined): CartOwner =>
  caller ? { userId: caller.userId } : { guestCartId: cartId ?? null };

@Resolver(() => CartModel)
export class CartResolver {
  constructor(private readonly carts: CartService) {}

  @Query(() => CartModel, {
    nullable: true,
    description: "Signed in: your cart (created on first use). Anonymous: the guest cart with this id, or null when there is none.",
  })
  cart(
    @CurrentUser() caller: CallerIdentity | null,
    @Args('cartId', { type: () => ID, nullable: true, description: 'Guest cart id (anonymous callers); ignored when signed in.' }) cartId?: string | null,
  ): Promise<CartModel | null> {
    return this.carts.get(ownerOf(caller, cartId));
  }

  @Mutation(() => CartModel, { description: 'Adds units of a SKU; anonymous callers without a cartId get a new guest cart (keep its id).' })
  addToCart(@CurrentUser() caller: CallerIdentity | null, @Args('input', { description: 'SKU and units to add.' }) input: AddToCartInput): Promise<CartModel> {
    return this.carts.add(ownerOf(caller, input.cartId), input.sku, input.quantity);
  }

  @Mutation(() => CartModel, { description: 'Sets the quantity of a line; 0 removes it.' })
  updateCartLine(
    @CurrentUser() caller: CallerIdentity | null,
    @Args('input', { description: 'SKU and new quantity.' }) input: UpdateCartLineInput,
  ): Promise<CartModel> {
    return this.carts.update(ownerOf(caller, input.cartId), input.sku, input.quantity);
  }

  @Mutation(() => CartModel, { description: 'Removes a SKU from the cart.' })
  removeFromCart(
    @CurrentUser() caller: CallerIdentity | null,
    @Args('input', { description: 'SKU to remove.' }) input: RemoveFromCartInput,
  ): Promise<CartModel> {
    return this.carts.remove(ownerOf(caller, input.cartId), input.sku);
  }

  @Mutation(() => CartModel, {
    description: 'Call right after login: moves the guest cart into your cart (quantities of the same SKU are added) and deletes it. Safe to repeat.',
  })
  @Authenticated()
  mergeGuestCart(
    @CurrentUser() caller: CallerIdentity,
    @Args('cartId', { type: () => ID, description: 'The guest cart id kept before login.' }) cartId: string,
  ): Promise<CartModel> {
    return this.carts.mergeGuest(caller.userId, cartId);
  }
}

import { Args, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { assertOwnerOrAdmin, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { UserReference } from '../shared/user.reference';
import { OrderConnection } from './order.model';
import { MyOrdersArgs } from './orders.input';
import { OrdersService } from './orders.service';

@Resolver(() => UserReference)
export class UserOrdersResolver {
  constructor(private readonly ordersService: OrdersService) {}

  /** The gateway hands us `{ id }`; nothing to load until a field asks. */
  @ResolveReference()
  resolveReference(reference: { __typename: 'User'; id: string }): UserReference {
    return { id: reference.id };
  }

  @ResolveField(() => OrderConnection, {
    description: "The user's orders, newest first. Private: the user themself or an admin (UNAUTHENTICATED when anonymous, FORBIDDEN otherwise).",
  })
  orders(@Parent() user: UserReference, @CurrentUser() caller: CallerIdentity | null, @Args() args: MyOrdersArgs): Promise<OrderConnection> {
    assertOwnerOrAdmin(caller, user.id);
    return this.ordersService.pageForUser(user.id, args);
  }
}

import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentUser, hasRole, Role, Roles, type CallerIdentity } from '@mestres/auth';
import { OrderConnection, OrderLineModel, OrderModel, OrderTransitionModel, toOrderLineModel, toOrderModel, toOrderTransitionModel } from './order.model';
import { orderHistoryLoader, orderLinesLoader } from './order-loaders';
import { AdminOrdersArgs, MyOrdersArgs } from './orders.input';
import { OrdersService } from './orders.service';

@Resolver(() => OrderModel)
export class OrdersResolver {
  constructor(private readonly ordersService: OrdersService) {}

  @Query(() => OrderModel, { description: 'An order of the signed-in customer (admins: any order). NOT_FOUND for unknown ids and for other customers\' orders alike.' })
  @Authenticated()
  async order(@CurrentUser() caller: CallerIdentity, @Args('id', { type: () => ID, description: 'Order id.' }) id: string): Promise<OrderModel> {
    return toOrderModel(await this.ordersService.findForCaller(caller, id));
  }

  @Query(() => OrderConnection, { description: "The signed-in customer's orders, newest first." })
  @Authenticated()
  myOrders(@CurrentUser() caller: CallerIdentity, @Args() args: MyOrdersArgs): Promise<OrderConnection> {
    return this.ordersService.pageForUser(caller.userId, args);
  }

  @Query(() => OrderConnection, { description: 'Admin only: all orders, newest first, optionally filtered.' })
  @Roles(Role.ADMIN)
  orders(@Args() args: AdminOrdersArgs): Promise<OrderConnection> {
    return this.ordersService.adminPage(args.filter ?? {}, args);
  }

  // Orders only reach a client through paths that authorised the whole order (owner or admin),
  // so these fields need no further check.
  @ResolveField(() => [OrderLineModel], { description: 'What was bought.' })
  async lines(@Parent() order: OrderModel, @Context() context: object): Promise<OrderLineModel[]> {
    return (await orderLinesLoader(context, this.ordersService).load({ id: order.id, createdAt: order.createdAt })).map(toOrderLineModel);
  }

  @ResolveField(() => [OrderTransitionModel], { description: 'Every status change, oldest first.' })
  async history(@Parent() order: OrderModel, @Context() context: object, @CurrentUser() caller: CallerIdentity | null): Promise<OrderTransitionModel[]> {
    const transitions = await orderHistoryLoader(context, this.ordersService).load({ id: order.id, createdAt: order.createdAt });
    return transitions.map((transition) => toOrderTransitionModel(transition, hasRole(caller, Role.ADMIN)));
  }
}


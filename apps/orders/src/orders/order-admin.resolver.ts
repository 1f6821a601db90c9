import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, Roles, type CallerIdentity } from '@mestres/auth';
import { OrderAdminService } from './order-admin.service';
import { OrderModel, toOrderModel } from './order.model';
import { CancelOrderArgs, MarkShippedArgs, OrderIdArgs, RefundOrderArgs } from './orders.input';

@Resolver(() => OrderModel)
export class OrderAdminResolver {
  constructor(private readonly admin: OrderAdminService) {}

  @Mutation(() => OrderModel, { description: 'Admin only: a PAID order is being prepared (FULFILLING).' })
  @Roles(Role.ADMIN)
  async markOrderFulfilling(@CurrentUser() caller: CallerIdentity, @Args() args: OrderIdArgs): Promise<OrderModel> {
    return toOrderModel(await this.admin.markFulfilling(caller, args.orderId));
  }

  @Mutation(() => OrderModel, { description: 'Admin only: the order was handed to the carrier (SHIPPED); announces OrderShipped.' })
  @Roles(Role.ADMIN)
  async markOrderShipped(@CurrentUser() caller: CallerIdentity, @Args() args: MarkShippedArgs): Promise<OrderModel> {
    return toOrderModel(await this.admin.markShipped(caller, args.orderId, args.trackingCode));
  }

  @Mutation(() => OrderModel, { description: 'Admin only: the order reached the customer (DELIVERED).' })
  @Roles(Role.ADMIN)
  async markOrderDelivered(@CurrentUser() caller: CallerIdentity, @Args() args: OrderIdArgs): Promise<OrderModel> {
    return toOrderModel(await this.admin.markDelivered(caller, args.orderId));
  }

  @Mutation(() => OrderModel, {
    description: 'Admin only: cancels an order not shipped yet; voids an unpaid payment or refunds a paid one in full, and releases reserved stock.',
  })
  @Roles(Role.ADMIN)
  async cancelOrder(@CurrentUser() caller: CallerIdentity, @Args() args: CancelOrderArgs): Promise<OrderModel> {
    return toOrderModel(await this.admin.cancel(caller, args.orderId, args.reason));
  }

  @Mutation(() => OrderModel, { description: 'Admin only: refunds part or all of what was captured; a full refund makes the order REFUNDED.' })
  @Roles(Role.ADMIN)
  async refundOrder(@CurrentUser() caller: CallerIdentity, @Args() args: RefundOrderArgs): Promise<OrderModel> {
    return toOrderModel(await this.admin.refund(caller, args.orderId, args.amountCents, args.reason));
  }
}

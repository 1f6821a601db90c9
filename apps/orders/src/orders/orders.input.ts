import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConnectionArgs } from '@mestres/graphql';
import { OrderStatus } from './order-status.enum';

@ArgsType()
export class MyOrdersArgs extends ConnectionArgs {
  @Field(() => OrderStatus, { nullable: true, description: 'Only orders in this status.' })
  status?: OrderStatus | null;
}

@InputType({ description: 'Narrows the admin order list.' })
export class OrdersFilterInput {
  @Field(() => OrderStatus, { nullable: true, description: 'Only orders in this status.' })
  status?: OrderStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only orders of this customer.' })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after this instant.' })
  placedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed before this instant.' })
  placedTo?: Date | null;
}

@ArgsType()
export class AdminOrdersArgs extends ConnectionArgs {
  @Field(() => OrdersFilterInput, { nullable: true, description: 'Filters; all orders when omitted.' })
  filter?: OrdersFilterInput | null;
}

@ArgsType()
export class OrderIdArgs {
  @Field(() => ID, { description: 'The order.' })
  orderId: string;
}

@ArgsType()
export class MarkShippedArgs extends OrderIdArgs {
  @Field({ description: 'Carrier tracking code, 4 to 64 letters, digits or dashes.' })
  trackingCode: string;
}

@ArgsType()
export class CancelOrderArgs extends OrderIdArgs {
  @Field({ description: 'Why, 3 to 500 characters; recorded in the order history and sent in OrderCancelled.' })
  reason: string;
}

@ArgsType()
export class RefundOrderArgs extends OrderIdArgs {
  @Field(() => Int, { nullable: true, description: 'Cents to refund; everything not refunded yet when omitted. Never more than was captured.' })
  amountCents?: number | null;

  @Field({ description: 'Why, 3 to 500 characters; recorded with the refund.' })
  reason: string;
}

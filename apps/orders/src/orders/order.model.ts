import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@mestres/graphql';
import { ProductVariantReference, variantReference } from '../shared/product-variant.reference';
import { UserReference } from '../shared/user.reference';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderTransitionEntity } from './order-transition.entity';
import type { OrderEntity } from './order.entity';
import { OrderStatus, PaymentStatus, TransitionActor } from './order-status.enum';

@ObjectType('OrderLine', { description: 'A line of an order, with the price and names of checkout time.' })
export class OrderLineModel {
  @Field(() => ID, { description: 'Stock keeping unit bought.' })
  sku: string;

  @Field(() => ProductVariantReference, { description: 'The variant as the catalog shows it today (prices may have changed since).' })
  variant: ProductVariantReference;

  @Field({ description: 'Product name at checkout.' })
  productName: string;

  @Field({ description: 'Variant label at checkout, e.g. `250 g · Grão`.' })
  variantName: string;

  @Field(() => Int, { description: 'Units bought.' })
  quantity: number;

  @Field(() => Int, { description: 'Unit price paid, in cents.' })
  unitPriceCents: number;

  @Field(() => Int, { description: 'quantity × unitPriceCents.' })
  lineTotalCents: number;
}

@ObjectType('OrderTransition', { description: 'One status change of an order: who, when and why.' })
export class OrderTransitionModel {
  @Field(() => OrderStatus, { nullable: true, description: 'Status before; null for the creation of the order.' })
  from: OrderStatus | null;

  @Field(() => OrderStatus, { description: 'Status after.' })
  to: OrderStatus;

  @Field(() => Date, { description: 'When it happened.' })
  at: Date;

  @Field(() => TransitionActor, { description: 'Who made it happen.' })
  actor: TransitionActor;

  @Field(() => ID, { nullable: true, description: 'The user who acted. Only admins see it; null for everyone else and for the system.' })
  actorId: string | null;

  @Field({ description: 'Why, e.g. `payment declined (insufficient_funds)` or an admin note.' })
  reason: string;
}

@ObjectType('Order', { description: 'An order placed through checkout. Amounts are integer cents of `currency`.' })
export class OrderModel {
  @Field(() => ID, { description: 'Order id.' })
  id: string;

  @Field(() => OrderStatus, { description: 'Lifecycle status.' })
  status: OrderStatus;

  @Field(() => UserReference, { description: 'The customer who placed the order.' })
  user: UserReference;

  @Field(() => Int, { description: 'Sum of the line totals.' })
  subtotalCents: number;

  @Field(() => Int, { description: 'Shipping charged.' })
  shippingCents: number;

  @Field(() => Int, { description: 'subtotalCents + shippingCents: the amount charged.' })
  totalCents: number;

  @Field(() => Int, { description: 'Amount captured by the payment provider.' })
  capturedCents: number;

  @Field(() => Int, { description: 'Amount refunded so far (never more than capturedCents).' })
  refundedCents: number;

  @Field({ description: 'ISO 4217 currency; always `BRL`.' })
  currency: string;

  @Field(() => PaymentStatus, { description: 'State of the payment.' })
  paymentStatus: PaymentStatus;

  @Field(() => Date, { nullable: true, description: 'While PENDING_PAYMENT: the order is cancelled if not paid by then. Null otherwise.' })
  paymentExpiresAt: Date | null;

  @Field(() => Date, { description: 'When the order was placed.' })
  placedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the payment was captured.' })
  paidAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Carrier tracking code, once shipped.' })
  trackingCode: string | null;

  @Field(() => Date, { nullable: true, description: 'When the order was shipped.' })
  shippedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the order was delivered.' })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the order was cancelled.' })
  cancelledAt: Date | null;

  @Field(() => Date, { description: 'When the order last changed.' })
  updatedAt: Date;

  /** Partition key, for the field resolvers (lines, history); not in the schema. */
  createdAt: Date;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.' })
export class OrderConnection extends Connection(OrderModel, 'Order') {}

export function toOrderModel(order: OrderEntity): OrderModel {
  return {
    id: order.id,
    status: order.status,
    user: { id: order.userId },
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    capturedCents: order.capturedCents,
    refundedCents: order.refundedCents,
    currency: order.currency,
    paymentStatus: order.paymentStatus,
    paymentExpiresAt: order.status === OrderStatus.PENDING_PAYMENT ? order.paymentExpiresAt : null,
    placedAt: order.createdAt,
    paidAt: order.paidAt,
    trackingCode: order.trackingCode,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    cancelledAt: order.cancelledAt,
    updatedAt: order.updatedAt,
    createdAt: order.createdAt,
  };
}

export function toOrderLineModel(line: OrderLineEntity): OrderLineModel {
  return {
    sku: line.sku,
    variant: variantReference(line.sku),
    productName: line.name,
    variantName: line.variantName,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    lineTotalCents: line.lineTotalCents,
  };
}

export function toOrderTransitionModel(transition: OrderTransitionEntity, viewerIsAdmin: boolean): OrderTransitionModel {
  return {
    from: transition.fromStatus,
    to: transition.toStatus,
    at: transition.at,
    actor: transition.actorType,
    actorId: viewerIsAdmin ? transition.actorId : null,
    reason: transition.reason,
  };
}

import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrderModel } from '../orders/order.model';
import { ErrorResult } from '../shared/error-result.model';
import { ProductVariantReference } from '../shared/product-variant.reference';
import { PaymentDeclineReason } from './checkout-outcome';

registerEnumType(PaymentDeclineReason, {
  name: 'PaymentDeclineReason',
  description: 'Why a payment did not go through.',
  valuesMap: {
    CARD_DECLINED: { description: 'The bank declined the card.' },
    INSUFFICIENT_FUNDS: { description: 'Not enough funds or credit.' },
    INVALID_CARD: { description: 'The card details are not valid.' },
    AUTHENTICATION_FAILED: { description: 'The customer did not confirm the payment with their bank.' },
    PROCESSING_ERROR: { description: 'The payment provider kept failing; nothing was charged. Trying again later may work.' },
  },
});

@ObjectType('StockShortage', { description: 'A SKU that cannot be reserved in the quantity asked for.' })
export class StockShortageModel {
  @Field(() => ID, { description: 'Stock keeping unit.' })
  sku: string;

  @Field(() => ProductVariantReference, { description: 'The variant, from the catalog.' })
  variant: ProductVariantReference;

  @Field(() => Int, { description: 'Units in the cart.' })
  requested: number;

  @Field(() => Int, { description: 'Units available now (0 when no longer on sale).' })
  available: number;
}

@ObjectType('InsufficientStock', { implements: () => [ErrorResult], description: 'Some items are out of stock; nothing was reserved or charged.' })
export class InsufficientStockModel implements ErrorResult {
  @Field({ description: 'What to tell the customer.' })
  message: string;

  @Field({ description: '`INSUFFICIENT_STOCK`.' })
  code: string;

  @Field(() => [StockShortageModel], { description: 'Each short SKU with what is available.' })
  shortages: StockShortageModel[];
}

@ObjectType('PaymentDeclined', { implements: () => [ErrorResult], description: 'The payment did not go through; the order was cancelled and its stock released.' })
export class PaymentDeclinedModel implements ErrorResult {
  @Field({ description: 'What to tell the customer.' })
  message: string;

  @Field({ description: '`PAYMENT_DECLINED`.' })
  code: string;

  @Field(() => PaymentDeclineReason, { description: 'Why.' })
  reason: PaymentDeclineReason;

  @Field({ description: 'True when trying again (with a new idempotency key) may succeed without changing the card.' })
  retryable: boolean;

  @Field(() => OrderModel, { description: 'The cancelled order.' })
  order: OrderModel;
}

@ObjectType('CartEmpty', { implements: () => [ErrorResult], description: 'There is nothing in the cart to check out.' })
export class CartEmptyModel implements ErrorResult {
  @Field({ description: 'What to tell the customer.' })
  message: string;

  @Field({ description: '`CART_EMPTY`.' })
  code: string;
}

@ObjectType('PriceChange', { description: 'A price that changed since the customer last saw the cart.' })
export class PriceChangeModel {
  @Field(() => ID, { description: 'Stock keeping unit.' })
  sku: string;

  @Field(() => ProductVariantReference, { description: 'The variant, from the catalog.' })
  variant: ProductVariantReference;

  @Field(() => Int, { description: 'Unit price the customer saw, in cents.' })
  previousUnitPriceCents: number;

  @Field(() => Int, { description: 'Unit price now, in cents.' })
  unitPriceCents: number;
}

@ObjectType('PriceChanged', {
  implements: () => [ErrorResult],
  description: 'Prices changed since the cart was last shown; nothing was reserved or charged. Show the new prices, then check out again with a new idempotency key.',
})
export class PriceChangedModel implements ErrorResult {
  @Field({ description: 'What to tell the customer.' })
  message: string;

  @Field({ description: '`PRICE_CHANGED`.' })
  code: string;

  @Field(() => [PriceChangeModel], { description: 'The changed prices.' })
  changes: PriceChangeModel[];
}

export type CheckoutResult = OrderModel | InsufficientStockModel | PaymentDeclinedModel | CartEmptyModel | PriceChangedModel;

export const CheckoutResultUnion = createUnionType({
  name: 'CheckoutResult',
  description: 'The order (PAID, or PENDING_PAYMENT while the bank waits for the customer) or why there is none.',
  types: () => [OrderModel, InsufficientStockModel, PaymentDeclinedModel, CartEmptyModel, PriceChangedModel] as const,
  resolveType(value: CheckoutResult) {
    if ('shortages' in value) return InsufficientStockModel;
    if ('changes' in value) return PriceChangedModel;
    if ('reason' in value && 'retryable' in value) return PaymentDeclinedModel;
    if ('code' in value) return CartEmptyModel;
    return OrderModel;
  },
});

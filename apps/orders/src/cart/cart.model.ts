import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProductVariantReference, variantReference } from '../shared/product-variant.reference';
import type { PricedCart, PricedCartLine, ShippingRule } from './cart-pricing';
import type { CartEntity } from './cart.entity';

@ObjectType('CartLine', { description: 'A SKU and quantity in a cart, priced with the current catalog price.' })
export class CartLineModel {
  @Field(() => ID, { description: 'Stock keeping unit of the variant.' })
  sku: string;

  @Field(() => Int, { description: 'Units of the variant, 1 to 99.' })
  quantity: number;

  @Field(() => ProductVariantReference, { description: 'The variant, with its product, from the catalog.' })
  variant: ProductVariantReference;

  @Field(() => Int, { nullable: true, description: 'Current unit price in cents; null when the variant is no longer on sale.' })
  unitPriceCents: number | null;

  @Field(() => Int, { nullable: true, description: 'quantity × unitPriceCents; null when the variant is no longer on sale.' })
  lineTotalCents: number | null;

  @Field(() => Int, { description: 'Units the catalog can reserve right now.' })
  availableQuantity: number;

  @Field({ description: 'True when the variant is on sale and enough units are available for this quantity.' })
  available: boolean;

  @Field({
    description: 'True when the price changed since it was last shown; checkout answers PriceChanged until the customer has seen the new price.',
  })
  priceChanged: boolean;
}

@ObjectType('Cart', { description: 'A shopping cart with totals in integer cents (BRL).' })
export class CartModel {
  @Field(() => ID, { description: 'Cart id. For a guest cart, keep it: it is the only way back to the cart, and mergeGuestCart takes it after login.' })
  id: string;

  @Field(() => [CartLineModel], { description: 'Lines in the order they were added.' })
  lines: CartLineModel[];

  @Field(() => Int, { description: 'Units of the lines that are on sale.' })
  itemCount: number;

  @Field(() => Int, { description: 'Sum of the line totals, in cents.' })
  subtotalCents: number;

  @Field(() => Int, { description: 'Shipping in cents: a flat fee for coffee and equipment, free from freeShippingFromCents on; course seats ship free.' })
  shippingCents: number;

  @Field(() => Int, { description: 'subtotalCents + shippingCents.' })
  totalCents: number;

  @Field({ description: 'ISO 4217 currency of every amount; always `BRL`.' })
  currency: string;

  @Field(() => Int, { nullable: true, description: 'Subtotal from which shipping is free; null when shipping is never free.' })
  freeShippingFromCents: number | null;

  @Field(() => Date, { description: 'When the cart last changed.' })
  updatedAt: Date;
}

function toCartLineModel(line: PricedCartLine): CartLineModel {
  return {
    sku: line.sku,
    quantity: line.quantity,
    variant: variantReference(line.sku),
    unitPriceCents: line.unitPriceCents,
    lineTotalCents: line.lineTotalCents,
    availableQuantity: line.availableQuantity,
    available: line.available,
    priceChanged: line.priceChanged,
  };
}

export function toCartModel(cart: CartEntity, priced: PricedCart, rule: ShippingRule): CartModel {
  return {
    id: cart.id,
    lines: priced.lines.map(toCartLineModel),
    itemCount: priced.itemCount,
    subtotalCents: priced.subtotalCents,
    shippingCents: priced.shippingCents,
    totalCents: priced.totalCents,
    currency: 'BRL',
    freeShippingFromCents: rule.freeFromCents > 0 ? rule.freeFromCents : null,
    updatedAt: cart.updatedAt,
  };
}

import { z } from 'zod';
import { ProductKind } from './catalog.events';

const cents = (description: string) => z.number().int().nonnegative().describe(description);
const timestamp = (description: string) => z.iso.datetime({ offset: true }).describe(description);

/**
 * One line of an order as it was bought: the catalog facts are a snapshot taken at checkout,
 * so subscribers (enrollment, emails, reports) never need to ask the catalog.
 */
export const OrderLineSnapshot = z
  .object({
    sku: z.string().min(1),
    productId: z.string().min(1),
    kind: ProductKind.describe('COURSE_SEAT lines are seats the courses context enrols'),
    name: z.string().min(1).describe('Product name at checkout, in Portuguese'),
    variantName: z.string().min(1).describe('Variant label at checkout, e.g. "250 g · Grão"'),
    quantity: z.number().int().positive(),
    unitPriceCents: cents('Unit price paid, in cents'),
    lineTotalCents: cents('quantity × unitPriceCents'),
  })
  .describe('An order line with the price and product facts of checkout time');
export type OrderLineSnapshot = z.infer<typeof OrderLineSnapshot>;

/**
 * Facts every order event carries. Personal data is kept to the user id: subscribers that
 * need an email address or a name ask the users context.
 */
const OrderFacts = z.object({
  orderId: z.string().min(1),
  userId: z.string().min(1).describe('The buyer (users context id)'),
  lines: z.array(OrderLineSnapshot).min(1),
  subtotalCents: cents('Sum of the line totals'),
  shippingCents: cents('Shipping charged'),
  totalCents: cents('subtotalCents + shippingCents: the amount charged'),
  currency: z.literal('BRL'),
  placedAt: timestamp('When the order was created'),
});

export const OrderPlacedV1 = OrderFacts.extend({
  paymentExpiresAt: timestamp('The order is cancelled and its stock released if not paid by then'),
}).meta({
  title: 'OrderPlacedV1',
  description: 'An order was created with its stock reserved; it waits for payment (PENDING_PAYMENT).',
});
export type OrderPlacedV1 = z.infer<typeof OrderPlacedV1>;

export const OrderPaidV1 = OrderFacts.extend({
  paidAt: timestamp('When the payment was captured'),
  capturedCents: cents('Amount captured by the payment provider'),
}).meta({
  title: 'OrderPaidV1',
  description: 'The payment of an order was captured (PAID): fulfil it, enrol course seats, send the receipt.',
});
export type OrderPaidV1 = z.infer<typeof OrderPaidV1>;

export const OrderCancelledV1 = OrderFacts.extend({
  previousStatus: z.enum(['PENDING_PAYMENT', 'PAID', 'FULFILLING']),
  reason: z.string().min(1).describe('Why, for people: "payment declined", "payment not received in time", an admin note'),
  cause: z
    .enum(['PAYMENT_DECLINED', 'PAYMENT_FAILED', 'PAYMENT_EXPIRED', 'ADMIN'])
    .describe('Why, for machines'),
  refundedCents: cents('Amount refunded because of the cancellation (0 when nothing was captured)'),
  cancelledAt: timestamp('When the order was cancelled'),
}).meta({
  title: 'OrderCancelledV1',
  description: 'An order was cancelled; reserved stock was released and any captured amount refunded.',
});
export type OrderCancelledV1 = z.infer<typeof OrderCancelledV1>;

export const OrderShippedV1 = OrderFacts.extend({
  trackingCode: z.string().min(1),
  shippedAt: timestamp('When the parcel was handed to the carrier'),
}).meta({ title: 'OrderShippedV1', description: 'An order was handed to the carrier, with its tracking code.' });
export type OrderShippedV1 = z.infer<typeof OrderShippedV1>;

export const OrderDeliveredV1 = OrderFacts.extend({
  deliveredAt: timestamp('When the order was delivered'),
}).meta({ title: 'OrderDeliveredV1', description: 'An order reached the customer.' });
export type OrderDeliveredV1 = z.infer<typeof OrderDeliveredV1>;

export const OrderRefundedV1 = OrderFacts.extend({
  refundId: z.string().min(1),
  amountCents: z.number().int().positive().describe('Amount of this refund'),
  refundedTotalCents: cents('Everything refunded on the order so far, this refund included'),
  capturedCents: cents('Amount captured; refunds never exceed it'),
  fullyRefunded: z.boolean().describe('True when refundedTotalCents reached capturedCents (the order is now REFUNDED)'),
  reason: z.string().min(1),
  refundedAt: timestamp('When the refund was made'),
}).meta({
  title: 'OrderRefundedV1',
  description: 'Money was given back on an order, fully (status REFUNDED) or partially (status unchanged).',
});
export type OrderRefundedV1 = z.infer<typeof OrderRefundedV1>;

export const CartUpdatedV1 = z
  .object({
    cartId: z.string().min(1),
    userId: z.string().min(1).describe('Only signed-in carts are announced; guest carts have nobody to remind'),
    lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })),
    itemCount: z.number().int().nonnegative().describe('Units in the cart; 0 when it was emptied or checked out'),
    lastActivityAt: timestamp('When the cart last changed'),
  })
  .meta({
    title: 'CartUpdatedV1',
    description:
      'A signed-in customer changed their cart (or checkout emptied it). An abandoned-cart reminder is due when no newer update follows within the reminder delay and itemCount > 0.',
  });
export type CartUpdatedV1 = z.infer<typeof CartUpdatedV1>;

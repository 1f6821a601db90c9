import type { z } from 'zod';
import {
  ProductCreatedV1,
  ProductPriceChangedV1,
  ProductUpdatedV1,
  StockChangedV1,
  StockRanOutV1,
} from './catalog.events';
import {
  CourseCompletedV1,
  EnrollmentCancelledV1,
  EnrollmentConfirmedV1,
  EnrollmentWaitlistedV1,
  SessionRescheduledV1,
} from './courses.events';
import {
  CartUpdatedV1,
  OrderCancelledV1,
  OrderDeliveredV1,
  OrderPaidV1,
  OrderPlacedV1,
  OrderRefundedV1,
  OrderShippedV1,
} from './orders.events';
import { UserRegisteredV1 } from './users.events';

/** The bounded contexts that own events; the first token of every subject. */
export type EventProducer = 'catalog' | 'orders' | 'courses' | 'users';

/** One versioned event: its payload schema and who may publish it. */
export interface EventDefinition<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  description: string;
  version: number;
  producer: EventProducer;
}

/**
 * Every event on the bus, keyed by subject `<context>.<aggregate>.<event>.v<N>`.
 * Adding an event is one entry here (plus its schema). A breaking change is a new
 * subject with the next version, published alongside the old one until consumers moved.
 */
export const EVENT_CATALOG = {
  'catalog.product.created.v1': {
    schema: ProductCreatedV1,
    version: 1,
    producer: 'catalog',
    description: 'A product was added to the catalog, with all its variants and prices.',
  },
  'catalog.product.updated.v1': {
    schema: ProductUpdatedV1,
    version: 1,
    producer: 'catalog',
    description: 'A product changed; the payload is the full new state, so consumers can overwrite their copy.',
  },
  'catalog.product.price-changed.v1': {
    schema: ProductPriceChangedV1,
    version: 1,
    producer: 'catalog',
    description: 'The price of one variant changed.',
  },
  'catalog.stock.changed.v1': {
    schema: StockChangedV1,
    version: 1,
    producer: 'catalog',
    description: 'The stock of a SKU changed (receipt, reservation, commit or release).',
  },
  'catalog.stock.out-of-stock.v1': {
    schema: StockRanOutV1,
    version: 1,
    producer: 'catalog',
    description: 'A SKU has no units available any more.',
  },
  'orders.order.placed.v1': {
    schema: OrderPlacedV1,
    version: 1,
    producer: 'orders',
    description: 'An order was created with its stock reserved and waits for payment.',
  },
  'orders.order.paid.v1': {
    schema: OrderPaidV1,
    version: 1,
    producer: 'orders',
    description: 'An order was paid: fulfil it, enrol its course seats, send the receipt.',
  },
  'orders.order.cancelled.v1': {
    schema: OrderCancelledV1,
    version: 1,
    producer: 'orders',
    description: 'An order was cancelled (payment declined or expired, or by an admin); its stock was released.',
  },
  'orders.order.shipped.v1': {
    schema: OrderShippedV1,
    version: 1,
    producer: 'orders',
    description: 'An order was handed to the carrier, with its tracking code.',
  },
  'orders.order.delivered.v1': {
    schema: OrderDeliveredV1,
    version: 1,
    producer: 'orders',
    description: 'An order reached the customer.',
  },
  'orders.order.refunded.v1': {
    schema: OrderRefundedV1,
    version: 1,
    producer: 'orders',
    description: 'Money was refunded on an order, fully or partially.',
  },
  'orders.cart.updated.v1': {
    schema: CartUpdatedV1,
    version: 1,
    producer: 'orders',
    description: 'A signed-in customer changed their cart; drives abandoned-cart reminders.',
  },
  'users.user.registered.v1': {
    schema: UserRegisteredV1,
    version: 1,
    producer: 'users',
    description: 'A customer created an account.',
  },
  'courses.enrollment.confirmed.v1': {
    schema: EnrollmentConfirmedV1,
    version: 1,
    producer: 'courses',
    description: 'A student got a seat in a class (after payment, or promoted from the waitlist).',
  },
  'courses.enrollment.waitlisted.v1': {
    schema: EnrollmentWaitlistedV1,
    version: 1,
    producer: 'courses',
    description: 'A paid seat did not fit in a full class; the student is on its waitlist.',
  },
  'courses.enrollment.cancelled.v1': {
    schema: EnrollmentCancelledV1,
    version: 1,
    producer: 'courses',
    description: 'An enrollment was cancelled because its order was cancelled or refunded.',
  },
  'courses.course.completed.v1': {
    schema: CourseCompletedV1,
    version: 1,
    producer: 'courses',
    description: 'A student completed every lesson of a course; carries the certificate code.',
  },
  'courses.session.rescheduled.v1': {
    schema: SessionRescheduledV1,
    version: 1,
    producer: 'courses',
    description: 'A class moved to another start time; reminders for the old time are stale.',
  },
} as const satisfies Record<string, EventDefinition>;

export type EventCatalog = typeof EVENT_CATALOG;
export type EventSubject = keyof EventCatalog;
/** The payload type of an event, e.g. `EventPayload<'catalog.product.created.v1'>`. */
export type EventPayload<S extends EventSubject> = z.infer<EventCatalog[S]['schema']>;

/** Type guard for subjects read off the wire. */
export function isEventSubject(subject: string): subject is EventSubject {
  return Object.hasOwn(EVENT_CATALOG, subject);
}

/** The catalog entries as a list, for code that walks every event (streams, docs). */
export function eventDefinitions(): Array<[EventSubject, EventDefinition]> {
  return Object.entries(EVENT_CATALOG) as Array<[EventSubject, EventDefinition]>;
}

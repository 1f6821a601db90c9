import type { z } from 'zod';
import {
  ProductCreatedV1,
  ProductPriceChangedV1,
  ProductUpdatedV1,
  StockChangedV1,
  StockRanOutV1,
} from './catalog.events';
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
  'users.user.registered.v1': {
    schema: UserRegisteredV1,
    version: 1,
    producer: 'users',
    description: 'A customer created an account.',
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

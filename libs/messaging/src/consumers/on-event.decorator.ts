import type { EventEnvelope, EventPayload, EventSubject } from '@mestres/contracts';

export interface OnEventOptions {
  /**
   * Durable consumer name, e.g. `courses-product-projection` (letters, digits, `_`, `-`).
   * Handlers sharing a name form one consumer that sees their subjects in stream order;
   * the inbox deduplicates per name.
   */
  consumer: string;
  /** Overrides `consumers.maxDeliver` for this consumer. */
  maxDeliver?: number;
  /** Overrides `consumers.backoffMs` for this consumer. */
  backoffMs?: number[];
}

/** What a decorated method must look like for its subject. */
export type EventHandlerMethod<S extends EventSubject> = (
  payload: EventPayload<S>,
  envelope: EventEnvelope<S>,
) => Promise<unknown> | unknown;

export interface EventHandlerMetadata extends OnEventOptions {
  subject: EventSubject;
}

export const ON_EVENT_METADATA = Symbol('mestres:on-event');

/**
 * Marks a provider method as the handler of one event for a durable consumer. It runs
 * inside `TransactionHost.transaction()`, together with the inbox insert that makes it
 * run once per event; the message is acked after commit. Throw to retry later.
 *
 * ```ts
 * @OnEvent('catalog.product.created.v1', { consumer: 'courses-product-projection' })
 * onProductCreated(product: ProductCreatedV1) {
 *   return this.projection.upsert(product);
 * }
 * ```
 */
export function OnEvent<S extends EventSubject>(subject: S, options: OnEventOptions) {
  return <M extends EventHandlerMethod<S>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => {
    const existing: EventHandlerMetadata[] = Reflect.getMetadata(ON_EVENT_METADATA, descriptor.value!) ?? [];
    Reflect.defineMetadata(ON_EVENT_METADATA, [...existing, { ...options, subject }], descriptor.value!);
    return descriptor;
  };
}

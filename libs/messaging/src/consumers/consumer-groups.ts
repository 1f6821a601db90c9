import type { EventEnvelope, EventSubject } from '@mestres/contracts';
import type { DiscoveredMethod } from '../handler-discovery';
import type { ConsumerSettings } from '../messaging.options';
import { MessagingNames } from '../messaging-names';
import type { EventHandlerMetadata } from './on-event.decorator';

export interface EventRoute {
  subject: EventSubject;
  /** `ClassName.method`, for logs. */
  name: string;
  handle: (payload: unknown, envelope: EventEnvelope) => unknown;
}

/** One durable JetStream consumer: a name, the stream of one context, and its handlers. */
export interface ConsumerSpec {
  consumer: string;
  context: string;
  routes: Map<EventSubject, EventRoute>;
  maxDeliver: number;
  backoffMs: number[];
}

const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Groups decorated handlers into durable consumers (one per consumer name and stream), so
 * one consumer sees all its subjects in stream order. Rejects ambiguous setups at boot.
 */
export function groupConsumers(handlers: Array<DiscoveredMethod<EventHandlerMetadata[]>>, defaults: ConsumerSettings): ConsumerSpec[] {
  const specs = new Map<string, ConsumerSpec & { explicitMaxDeliver?: number; explicitBackoffMs?: number[] }>();
  for (const handler of handlers) {
    for (const metadata of handler.metadata) {
      if (!NAME.test(metadata.consumer)) {
        throw new Error(`${handler.name}: consumer name "${metadata.consumer}" must match ${NAME}`);
      }
      const context = MessagingNames.contextOf(metadata.subject);
      const key = `${metadata.consumer}\u0000${context}`;
      let spec = specs.get(key);
      if (!spec) {
        spec = {
          consumer: metadata.consumer,
          context,
          routes: new Map(),
          maxDeliver: defaults.maxDeliver,
          backoffMs: defaults.backoffMs,
        };
        specs.set(key, spec);
      }
      const existing = spec.routes.get(metadata.subject);
      if (existing) {
        throw new Error(`${handler.name} and ${existing.name} both handle ${metadata.subject} for consumer ${metadata.consumer}`);
      }
      // An override on any handler applies to the whole consumer; two different ones are a mistake.
      if (metadata.maxDeliver !== undefined) {
        if (spec.explicitMaxDeliver !== undefined && spec.explicitMaxDeliver !== metadata.maxDeliver) {
          throw new Error(`consumer ${metadata.consumer}: handlers disagree on maxDeliver`);
        }
        spec.explicitMaxDeliver = spec.maxDeliver = metadata.maxDeliver;
      }
      if (metadata.backoffMs !== undefined) {
        if (spec.explicitBackoffMs !== undefined && spec.explicitBackoffMs.join() !== metadata.backoffMs.join()) {
          throw new Error(`consumer ${metadata.consumer}: handlers disagree on backoffMs`);
        }
        spec.explicitBackoffMs = spec.backoffMs = metadata.backoffMs;
      }
      spec.routes.set(metadata.subject, {
        subject: metadata.subject,
        name: handler.name,
        handle: (payload, envelope) => handler.call(payload, envelope),
      });
    }
  }
  return [...specs.values()].map(({ explicitMaxDeliver: _max, explicitBackoffMs: _backoff, ...spec }) => spec);
}

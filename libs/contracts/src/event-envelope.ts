import { z } from 'zod';
import type { EventPayload, EventSubject } from './event-catalog';

/**
 * The JSON body of every event message. The envelope travels in the body (not in NATS
 * headers) so it survives the outbox, the dead-letter stream and replays unchanged, and a
 * consumer validates one document. Headers only carry transport concerns: `Nats-Msg-Id`
 * (dedupe) and W3C `traceparent`/`tracestate`.
 */
export const EventEnvelopeSchema = z
  .object({
    eventId: z.uuid().describe('Unique per event, time-ordered (UUIDv7); consumers dedupe on it'),
    subject: z.string().min(1).describe('Logical subject, without any environment prefix'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When the producer recorded the event'),
    version: z.number().int().positive().describe('Payload version, equal to the subject suffix'),
    producer: z.string().min(1).describe('Service that published the event'),
    payload: z.unknown(),
  })
  .meta({ title: 'EventEnvelope' });

/** An envelope whose payload matches its subject. */
export interface EventEnvelope<S extends EventSubject = EventSubject> {
  eventId: string;
  subject: S;
  occurredAt: string;
  version: number;
  producer: string;
  payload: EventPayload<S>;
}

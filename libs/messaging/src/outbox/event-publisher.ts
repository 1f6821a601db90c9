import { Inject, Injectable } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { EVENT_CATALOG, type EventEnvelope, type EventPayload, type EventSubject } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { ContractViolationError, describeIssues, OutboxTransactionRequiredError } from '../messaging.errors';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options';
import { captureTraceHeaders, inSpan, SpanKind } from '../trace-context';
import { uuidv7 } from '../uuidv7';

/**
 * Publishes domain events through the transactional outbox: `publish` writes a row in the
 * caller's transaction and the relay sends it to JetStream after commit. So an event is
 * published if and only if the state change it announces committed.
 *
 * ```ts
 * await this.tx.transaction(async () => {
 *   await this.products.save(product);
 *   await this.events.publish('catalog.product.created.v1', toProductCreated(product));
 * });
 * ```
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  /**
   * Validates `payload` against the subject's schema and stores the event in the outbox.
   * @throws OutboxTransactionRequiredError outside `TransactionHost.transaction()`
   * @throws ContractViolationError when the payload does not match, or this service does not own the event
   */
  async publish<S extends EventSubject>(subject: S, payload: EventPayload<S>): Promise<EventEnvelope<S>> {
    const definition = EVENT_CATALOG[subject];
    if (!definition) throw new ContractViolationError(`unknown event subject '${subject}'`);
    if (definition.producer !== this.options.service) {
      throw new ContractViolationError(`${this.options.service} may not publish ${subject}: only ${definition.producer} does`);
    }
    if (!this.tx.inTransaction) throw new OutboxTransactionRequiredError(subject);
    const parsed = definition.schema.safeParse(payload);
    if (!parsed.success) throw new ContractViolationError(`invalid payload for ${subject}`, describeIssues(parsed.error.issues));

    const envelope: EventEnvelope<S> = {
      eventId: uuidv7(),
      subject,
      occurredAt: new Date().toISOString(),
      version: definition.version,
      producer: this.options.service,
      payload: parsed.data as EventPayload<S>,
    };
    // The span ends now; its context travels with the row so the consumer continues this trace.
    const attributes = { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.message.id': envelope.eventId };
    const headers = await inSpan(`${subject} publish`, SpanKind.PRODUCER, context.active(), attributes, async () => captureTraceHeaders());
    await this.tx.manager.query(
      `INSERT INTO outbox (event_id, subject, envelope, headers) VALUES ($1, $2, $3, $4)`,
      [envelope.eventId, subject, JSON.stringify(envelope), JSON.stringify(headers)],
    );
    return envelope;
  }
}

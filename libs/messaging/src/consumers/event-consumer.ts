import type { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { EVENT_CATALOG, EventEnvelopeSchema, isEventSubject, type EventEnvelope } from '@mestres/contracts';
import type { TransactionHost } from '@mestres/database';
import { redeliveryDelayMs, retryDelayMs, Waker } from '../backoff';
import { ContractViolationError, describeIssues } from '../messaging.errors';
import type { ConsumerSettings, MessagingMetricsSink } from '../messaging.options';
import { versionAtLeast, type NatsClient } from '../nats-client';
import type { StreamProvisioner } from '../stream-provisioner';
import { extractTraceContext, inSpan, SpanKind } from '../trace-context';
import type { ConsumerSpec } from './consumer-groups';
import type { DeadLetterService } from './dead-letter.service';

export interface EventConsumerDeps {
  nats: NatsClient;
  tx: TransactionHost;
  provisioner: StreamProvisioner;
  deadLetters: DeadLetterService;
  settings: ConsumerSettings;
  logger: Logger;
  metrics?: MessagingMetricsSink;
}

/** The envelope of a message, validated against the catalog; throws on anything else. */
export function decodeEnvelope(data: string, logicalSubject: string): EventEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    throw new ContractViolationError('message body is not JSON');
  }
  const envelope = EventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new ContractViolationError('invalid event envelope', describeIssues(envelope.error.issues));
  const { subject, version } = envelope.data;
  if (subject !== logicalSubject) throw new ContractViolationError(`envelope subject ${subject} does not match ${logicalSubject}`);
  if (!isEventSubject(subject)) throw new ContractViolationError(`unknown event subject ${subject}`);
  const definition = EVENT_CATALOG[subject];
  if (version !== definition.version) throw new ContractViolationError(`${subject} carries version ${version}`);
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) throw new ContractViolationError(`invalid payload for ${subject}`, describeIssues(payload.error.issues));
  return { ...envelope.data, subject, payload: payload.data } as EventEnvelope;
}

type Outcome = 'processed' | 'duplicate';

/**
 * One durable pull consumer and its loop. Messages are handled one at a time, each in a
 * transaction that first claims `(consumer, event_id)` in the inbox, so a redelivered or
 * republished event is skipped, and the ack is sent only after that transaction committed.
 */
export class EventConsumer {
  private readonly waker = new Waker();
  private readonly stream: string;
  private running?: Promise<void>;
  private messages?: ConsumerMessages;
  private stopping = false;

  constructor(
    private readonly spec: ConsumerSpec,
    private readonly deps: EventConsumerDeps,
  ) {
    this.stream = deps.nats.names.eventStream(spec.context);
  }

  get name(): string {
    return this.spec.consumer;
  }

  /** Creates the durable consumer, or updates it when its settings changed. */
  async ensure(): Promise<void> {
    const { nats, settings } = this.deps;
    const subjects = [...this.spec.routes.keys()].map((subject) => nats.names.eventSubject(subject));
    const config: Partial<ConsumerConfig> = {
      durable_name: this.spec.consumer,
      description: `${this.spec.consumer}: ${[...this.spec.routes.keys()].join(', ')}`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(settings.ackWaitMs),
      // The loop moves a message to the DLQ after maxDeliver; the server never drops one.
      max_deliver: -1,
      max_ack_pending: 1000,
      ...this.filter(subjects),
    };
    const jsm = await nats.jsm();
    try {
      await jsm.consumers.add(this.stream, config);
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) {
        await this.deps.provisioner.ensureStreamFor(this.spec.context);
        await jsm.consumers.add(this.stream, config);
        return;
      }
      const { durable_name: _name, ack_policy: _ack, deliver_policy: _deliver, ...updatable } = config;
      try {
        await jsm.consumers.update(this.stream, this.spec.consumer, updatable);
      } catch (updateError) {
        throw new Error(`cannot create or update consumer ${this.spec.consumer} on ${this.stream}: ${(updateError as Error).message}`, {
          cause: error,
        });
      }
    }
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.run();
  }

  /** Stops pulling, lets the message in hand finish (ack included), returns the rest. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.waker.wake();
    await this.messages?.close();
    await this.running;
    this.running = undefined;
  }

  /** Handles one delivery; never throws (the loop must survive every message). */
  async handle(message: JsMsg): Promise<void> {
    const { nats, logger } = this.deps;
    const deliveries = message.info.deliveryCount;
    const subject = nats.names.logicalSubject(message.subject) ?? message.subject;
    const route = isEventSubject(subject) ? this.spec.routes.get(subject) : undefined;
    if (!route) {
      // Only on servers that cannot filter on several subjects: not ours, skip it.
      message.ack();
      return;
    }
    let envelope: EventEnvelope;
    try {
      envelope = decodeEnvelope(message.string(), subject);
    } catch (error) {
      // Poison: retrying cannot fix a message that breaks its contract.
      return this.deadLetter(message, subject, error as Error);
    }
    if (deliveries > this.spec.maxDeliver) {
      // Earlier deliveries timed out (handler too slow, or the process died) without a verdict.
      return this.deadLetter(message, subject, new Error(`no result after ${deliveries - 1} deliveries (ack wait exceeded)`));
    }
    // Tells JetStream we are still on it, so a slow handler is not redelivered to another replica.
    const heartbeat = setInterval(() => message.working(), Math.max(1000, this.deps.settings.ackWaitMs / 3));
    try {
      const outcome = await inSpan(
        `${subject} process`,
        SpanKind.CONSUMER,
        extractTraceContext(message.headers),
        {
          'messaging.system': 'nats',
          'messaging.destination.name': subject,
          'messaging.consumer.group.name': this.spec.consumer,
          'messaging.message.id': envelope.eventId,
        },
        () => this.process(route.handle, envelope),
      );
      message.ack();
      this.deps.metrics?.natsMessage(subject, 'consume', outcome === 'processed' ? 'ok' : 'duplicate');
    } catch (error) {
      this.deps.metrics?.natsMessage(subject, 'consume', 'error');
      if (deliveries >= this.spec.maxDeliver) return this.deadLetter(message, subject, error as Error);
      const delay = redeliveryDelayMs(deliveries, this.spec.backoffMs);
      logger.warn(
        `${route.name} failed on ${subject} ${envelope.eventId} (delivery ${deliveries} of ${this.spec.maxDeliver}), retrying in ${delay} ms: ${(error as Error).message}`,
      );
      message.nak(delay);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private process(handle: (payload: unknown, envelope: EventEnvelope) => unknown, envelope: EventEnvelope): Promise<Outcome> {
    const { tx } = this.deps;
    return tx.transaction(async () => {
      const claimed: unknown[] = await tx.manager.query(
        `INSERT INTO inbox (consumer, event_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.spec.consumer, envelope.eventId, envelope.subject],
      );
      if (claimed.length === 0) return 'duplicate';
      await handle(envelope.payload, envelope);
      return 'processed';
    });
  }

  private async deadLetter(message: JsMsg, subject: string, error: Error): Promise<void> {
    const { deadLetters, logger, metrics } = this.deps;
    try {
      await deadLetters.write(message, { consumer: this.spec.consumer, subject, error });
    } catch (writeError) {
      // Keep it on the source stream; the next delivery tries the DLQ again.
      logger.warn(`${this.spec.consumer}: cannot dead-letter ${subject} #${message.seq}: ${(writeError as Error).message}`);
      message.nak(redeliveryDelayMs(message.info.deliveryCount, this.spec.backoffMs));
      return;
    }
    message.term();
    metrics?.natsMessage(subject, 'consume', 'dead-letter');
    logger.error(
      `${this.spec.consumer}: moved ${subject} #${message.seq} to the dead-letter stream after ${message.info.deliveryCount} deliveries: ${error.message}`,
    );
  }

  private filter(subjects: string[]): Partial<ConsumerConfig> {
    if (subjects.length === 1) return { filter_subject: subjects[0] };
    if (versionAtLeast(this.deps.nats.serverVersion, '2.10.0')) return { filter_subjects: subjects };
    // Older servers filter on one subject only: read the whole stream, skip the others.
    return {};
  }

  private async run(): Promise<void> {
    const { nats, settings, logger } = this.deps;
    let failures = 0;
    let recreate = false;
    while (!this.stopping) {
      try {
        if (recreate) await this.ensure();
        const consumer = await nats.js.consumers.get(this.stream, this.spec.consumer);
        const messages = await consumer.consume({ max_messages: settings.batchSize });
        this.messages = messages;
        void this.watch(messages);
        if (this.stopping) await messages.close();
        if (failures > 0) logger.log(`consumer ${this.spec.consumer} resumed`);
        failures = 0;
        for await (const message of messages) {
          // Closing lets buffered messages through; hand them back for another replica.
          if (this.stopping) message.nak();
          else await this.handle(message);
        }
        if (!this.stopping) throw new Error('the consumer stopped delivering');
      } catch (error) {
        if (this.stopping) break;
        failures += 1;
        recreate = true;
        if (failures === 1) logger.warn(`consumer ${this.spec.consumer} interrupted (${(error as Error).message}); retrying`);
        await this.waker.wait(retryDelayMs(failures - 1, 200, 5000));
      }
    }
  }

  /** Restarts the loop (re-creating the consumer) if it was deleted under us. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found' || status.type === 'stream_not_found') {
        this.deps.logger.warn(`consumer ${this.spec.consumer} on ${this.stream}: ${status.type}; re-creating it`);
        await messages.close();
        return;
      }
    }
  }
}

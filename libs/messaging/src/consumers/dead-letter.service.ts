import { Inject, Injectable, Logger } from '@nestjs/common';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { JsMsg, StoredMsg } from '@nats-io/jetstream';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '../messaging.options';
import { NatsClient } from '../nats-client';
import { fromNatsHeaders } from '../trace-context';

/** Headers added to a dead letter, next to the original ones. */
export const DeadLetterHeaders = {
  Consumer: 'Mestres-Dlq-Consumer',
  Subject: 'Mestres-Dlq-Subject',
  Error: 'Mestres-Dlq-Error',
  Deliveries: 'Mestres-Dlq-Deliveries',
  Stream: 'Mestres-Dlq-Stream',
  Sequence: 'Mestres-Dlq-Sequence',
  FailedAt: 'Mestres-Dlq-Failed-At',
  OriginalMsgId: 'Mestres-Dlq-Original-Msg-Id',
} as const;

const DLQ_HEADER_PREFIX = 'Mestres-Dlq-';
const MSG_ID = 'Nats-Msg-Id';
const LIST_FETCH_EXPIRES_MS = 2000;

/** A message a consumer gave up on. */
export interface DeadLetter {
  /** Sequence in the DLQ stream; pass it to `replay` or `discard`. */
  id: number;
  consumer: string;
  /** The original (logical) subject, e.g. `catalog.product.created.v1`. */
  subject: string;
  /** From the envelope, when the body was a readable envelope. */
  eventId?: string;
  /** The last error, one line. */
  error: string;
  deliveries: number;
  failedAt: string;
  /** The original body: the parsed envelope, or the raw text when it was not JSON. */
  body: unknown;
  /** The original headers (trace context and so on). */
  headers: Record<string, string>;
}

export class DeadLetterNotFoundError extends Error {
  override readonly name = 'DeadLetterNotFoundError';
  constructor(id: number) {
    super(`dead letter ${id} not found`);
  }
}

/** Header values are single lines. */
const oneLine = (value: string, max = 1000) => value.replace(/[\r\n]+/g, ' ').slice(0, max);

/** Original headers worth keeping: not NATS control headers, not an earlier dead-letter stamp. */
function copyOriginalHeaders(from: MsgHdrs | undefined, to: MsgHdrs): void {
  for (const key of from?.keys() ?? []) {
    if (key.startsWith('Nats-') || key.startsWith(DLQ_HEADER_PREFIX)) continue;
    for (const value of from!.values(key)) to.append(key, value);
  }
}

function parseBody(data: Uint8Array): unknown {
  const text = new TextDecoder().decode(data);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function eventIdOf(body: unknown): string | undefined {
  const eventId = (body as { eventId?: unknown } | null)?.eventId;
  return typeof eventId === 'string' ? eventId : undefined;
}

/**
 * The dead-letter stream (`DLQ`, subjects `dlq.<consumer>.<original subject>`): what
 * consumers gave up on, with the original headers, the last error and the delivery count.
 * Operators list entries and replay them once the cause is fixed.
 */
@Injectable()
export class DeadLetterService {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  /**
   * Stores a failed message (used by the consumers). The msg id is derived from the source
   * position, so a retry after a lost ack does not store it twice.
   * @internal
   */
  async write(message: JsMsg, failure: { consumer: string; subject: string; error: Error }): Promise<void> {
    const headers = natsHeaders();
    copyOriginalHeaders(message.headers, headers);
    headers.set(DeadLetterHeaders.Consumer, failure.consumer);
    headers.set(DeadLetterHeaders.Subject, failure.subject);
    headers.set(DeadLetterHeaders.Error, oneLine(failure.error.message || failure.error.name));
    headers.set(DeadLetterHeaders.Deliveries, String(message.info.deliveryCount));
    headers.set(DeadLetterHeaders.Stream, message.info.stream);
    headers.set(DeadLetterHeaders.Sequence, String(message.info.streamSequence));
    headers.set(DeadLetterHeaders.FailedAt, new Date().toISOString());
    const originalId = message.headers?.get(MSG_ID);
    if (originalId) headers.set(DeadLetterHeaders.OriginalMsgId, originalId);
    await this.nats.js.publish(this.nats.names.deadLetterSubject(failure.consumer, failure.subject), message.data, {
      msgID: `dlq:${failure.consumer}:${message.info.stream}:${message.info.streamSequence}`,
      headers,
      timeout: this.options.relay.publishTimeoutMs,
    });
  }

  /** Dead letters, oldest first, of one consumer or all. */
  async list(options: { consumer?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const limit = options.limit ?? 100;
    const stream = this.nats.names.deadLetterStream();
    const filter = this.nats.names.deadLetterFilter(options.consumer);
    const jsm = await this.nats.jsm();
    const info = await jsm.streams.info(stream, { subjects_filter: filter });
    const count = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
    if (count === 0 || limit <= 0) return [];

    // An ordered consumer reads the filtered messages without any state left behind.
    const reader = await this.nats.js.consumers.get(stream, { filter_subjects: filter });
    const messages = await reader.fetch({ max_messages: Math.min(count, limit), expires: LIST_FETCH_EXPIRES_MS });
    const letters: DeadLetter[] = [];
    try {
      for await (const message of messages) {
        letters.push(this.toDeadLetter(message.seq, message.headers, message.data));
        if (letters.length >= limit || message.info.pending === 0) break;
      }
    } finally {
      await reader.delete().catch(() => undefined);
    }
    return letters;
  }

  /**
   * Publishes the dead letter again on its original subject and removes it from the DLQ.
   * It gets a new msg id (the original is likely still in the duplicate window) but keeps
   * its event id, so consumers that processed it already skip it via their inbox.
   */
  async replay(id: number): Promise<DeadLetter> {
    const stored = await this.stored(id);
    const letter = this.toDeadLetter(stored.seq, stored.header, stored.data);
    const headers = natsHeaders();
    copyOriginalHeaders(stored.header, headers);
    await this.nats.js.publish(this.nats.names.eventSubject(letter.subject), stored.data, {
      // Stable per dead letter, so replaying twice in a row publishes once.
      msgID: `${letter.eventId ?? 'unknown'}:replay:${id}`,
      headers,
      timeout: this.options.relay.publishTimeoutMs,
    });
    await this.discard(id);
    this.logger.log(`replayed dead letter ${id} (${letter.subject}, consumer ${letter.consumer})`);
    return letter;
  }

  /** Drops a dead letter for good. */
  async discard(id: number): Promise<void> {
    const jsm = await this.nats.jsm();
    await this.stored(id);
    await jsm.streams.deleteMessage(this.nats.names.deadLetterStream(), id);
  }

  async get(id: number): Promise<DeadLetter> {
    const stored = await this.stored(id);
    return this.toDeadLetter(stored.seq, stored.header, stored.data);
  }

  private async stored(id: number): Promise<StoredMsg> {
    const jsm = await this.nats.jsm();
    const stored = await jsm.streams.getMessage(this.nats.names.deadLetterStream(), { seq: id });
    if (!stored) throw new DeadLetterNotFoundError(id);
    return stored;
  }

  private toDeadLetter(id: number, headers: MsgHdrs | undefined, data: Uint8Array): DeadLetter {
    const all = fromNatsHeaders(headers);
    const body = parseBody(data);
    const original: Record<string, string> = {};
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(DLQ_HEADER_PREFIX) && !key.startsWith('Nats-')) original[key] = value;
    }
    return {
      id,
      consumer: all[DeadLetterHeaders.Consumer] ?? '',
      subject: all[DeadLetterHeaders.Subject] ?? '',
      eventId: eventIdOf(body),
      error: all[DeadLetterHeaders.Error] ?? '',
      deliveries: Number(all[DeadLetterHeaders.Deliveries] ?? 0),
      failedAt: all[DeadLetterHeaders.FailedAt] ?? '',
      body,
      headers: original,
    };
  }
}

import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { retryDelayMs, Waker } from '../backoff';
import { outboxChannel } from '../messaging.migrations';
import {
  MESSAGING_METRICS,
  MESSAGING_OPTIONS,
  type MessagingMetricsSink,
  type RelaySettings,
  type ResolvedMessagingOptions,
} from '../messaging.options';
import { NatsClient } from '../nats-client';
import { toNatsHeaders } from '../trace-context';
import { listenConnectionConfig, OutboxListener } from './outbox-listener';

interface OutboxRow {
  id: string;
  event_id: string;
  subject: string;
  envelope: string;
  headers: Record<string, string>;
}

interface BatchResult {
  /** Another relay holds the outbox; this one waits. */
  locked: boolean;
  fetched: number;
  failure?: Error;
}

const FIRST_RETRY_MS = 200;

/**
 * Moves committed outbox rows to JetStream, oldest first. Wakes on the NOTIFY sent when an
 * outbox insert commits, and polls as a fallback. Each row is published with
 * `Nats-Msg-Id` = event id and marked published only after its PubAck, so a crash between
 * the two republishes a row and the stream drops the duplicate.
 *
 * Replicas all run a relay; a transaction-scoped advisory lock lets one publish at a time,
 * which keeps stream order equal to outbox order, and `FOR UPDATE SKIP LOCKED` guarantees
 * that two relays never pick the same row even without it. While NATS or Postgres is down
 * the rows stay put and the relay retries with capped exponential backoff.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly waker = new Waker();
  private readonly settings: RelaySettings;
  private listener?: OutboxListener;
  private running?: Promise<void>;
  private stopping = false;
  private failures = 0;
  private lastPruneAt = 0;
  private unsubscribeReconnect?: () => void;

  constructor(
    private readonly tx: TransactionHost,
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics?: MessagingMetricsSink,
  ) {
    this.settings = options.relay;
  }

  private get dataSource(): DataSource {
    return this.tx.primary;
  }

  private get schema(): string {
    return (this.dataSource.options as { schema?: string }).schema ?? 'public';
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.listener = new OutboxListener(
      listenConnectionConfig(this.dataSource),
      outboxChannel(this.schema),
      () => {
        // During an outage a NOTIFY must not cut the backoff short.
        if (this.failures === 0) this.waker.wake();
      },
      this.logger,
    );
    void this.listener.start();
    this.unsubscribeReconnect = this.nats.onReconnect(() => this.waker.wake());
    this.running = this.loop();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.waker.wake();
    await this.running;
    this.running = undefined;
    this.unsubscribeReconnect?.();
    await this.listener?.stop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let delay = this.settings.pollIntervalMs;
      try {
        const result = await this.relayBatch();
        if (result.failure) throw result.failure;
        this.recovered();
        await this.pruneWhenDue();
        // A full batch means more are probably waiting.
        if (!result.locked && result.fetched === this.settings.batchSize) continue;
      } catch (error) {
        this.failed(error as Error);
        delay = retryDelayMs(this.failures - 1, FIRST_RETRY_MS, this.settings.maxBackoffMs);
      }
      if (!this.stopping) await this.waker.wait(delay);
    }
  }

  private async relayBatch(): Promise<BatchResult> {
    if (!this.nats.connected) return { locked: false, fetched: 0, failure: new Error('NATS is disconnected') };
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `mestres:outbox:${this.schema}`,
      ]);
      if (!locked) return { locked: true, fetched: 0 };
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, event_id, subject, envelope::text AS envelope, headers
           FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      const published: string[] = [];
      let failure: Error | undefined;
      for (const row of rows) {
        try {
          await this.send(row);
          published.push(row.id);
        } catch (error) {
          // Stop at the first failure so later events never overtake it.
          failure = error as Error;
          await this.recordFailure(manager, row, failure);
          break;
        }
      }
      if (published.length) {
        await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [published]);
      }
      return { locked: false, fetched: rows.length, failure };
    });
  }

  private async send(row: OutboxRow): Promise<void> {
    try {
      const ack = await this.nats.js.publish(this.nats.names.eventSubject(row.subject), row.envelope, {
        msgID: row.event_id,
        headers: toNatsHeaders(row.headers),
        timeout: this.settings.publishTimeoutMs,
      });
      this.metrics?.natsMessage(row.subject, 'publish', ack.duplicate ? 'duplicate' : 'ok');
    } catch (error) {
      this.metrics?.natsMessage(row.subject, 'publish', 'error');
      throw error;
    }
  }

  private async recordFailure(manager: EntityManager, row: OutboxRow, error: Error): Promise<void> {
    await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
      row.id,
      error.message.slice(0, 1000),
    ]);
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPruneAt < this.settings.pruneIntervalMs) return;
    this.lastPruneAt = Date.now();
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE published_at < now() - make_interval(secs => $1) LIMIT 10000)`,
      [this.settings.retentionMs / 1000],
    );
    if (deleted) this.logger.log(`pruned ${deleted} published outbox rows`);
  }

  private failed(error: Error): void {
    this.failures += 1;
    // One line per outage, not one per retry.
    if (this.failures === 1) {
      this.logger.warn(`outbox relay paused: ${error.message}; events stay in the outbox until it recovers`);
    }
  }

  private recovered(): void {
    if (this.failures > 0) this.logger.log(`outbox relay resumed after ${this.failures} failed attempt(s)`);
    this.failures = 0;
  }
}

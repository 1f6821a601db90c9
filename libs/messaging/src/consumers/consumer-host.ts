import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { HandlerDiscovery } from '../handler-discovery';
import { MESSAGING_METRICS, MESSAGING_OPTIONS, type MessagingMetricsSink, type ResolvedMessagingOptions } from '../messaging.options';
import { NatsClient } from '../nats-client';
import { StreamProvisioner } from '../stream-provisioner';
import { groupConsumers } from './consumer-groups';
import { DeadLetterService } from './dead-letter.service';
import { EventConsumer } from './event-consumer';
import { ON_EVENT_METADATA, type EventHandlerMetadata } from './on-event.decorator';

/** Finds the `@OnEvent` handlers, creates their durable consumers and runs them. */
@Injectable()
export class ConsumerHost {
  private readonly logger = new Logger('EventConsumers');
  private consumers: EventConsumer[] = [];
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly nats: NatsClient,
    private readonly tx: TransactionHost,
    private readonly provisioner: StreamProvisioner,
    private readonly deadLetters: DeadLetterService,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Optional() @Inject(MESSAGING_METRICS) private readonly metrics?: MessagingMetricsSink,
  ) {}

  async start(): Promise<void> {
    const specs = groupConsumers(this.discovery.methodsWith<EventHandlerMetadata[]>(ON_EVENT_METADATA), this.options.consumers);
    for (const spec of specs) {
      const consumer = new EventConsumer(spec, {
        nats: this.nats,
        tx: this.tx,
        provisioner: this.provisioner,
        deadLetters: this.deadLetters,
        settings: this.options.consumers,
        logger: this.logger,
        metrics: this.metrics,
      });
      await consumer.ensure();
      this.consumers.push(consumer);
    }
    for (const consumer of this.consumers) consumer.start();
    if (this.consumers.length) {
      this.logger.log(`consuming: ${specs.map((spec) => `${spec.consumer} <- ${[...spec.routes.keys()].join(', ')}`).join('; ')}`);
      this.pruneTimer = setInterval(() => void this.pruneInbox(), this.options.relay.pruneIntervalMs).unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.pruneTimer);
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    this.consumers = [];
  }

  /** Forgets processed ids once no redelivery or replay can bring the event back. */
  private async pruneInbox(): Promise<void> {
    try {
      await this.tx.primary.query(
        `DELETE FROM inbox WHERE (consumer, event_id) IN (
           SELECT consumer, event_id FROM inbox WHERE processed_at < now() - make_interval(secs => $1) LIMIT 10000)`,
        [this.options.consumers.inboxRetentionMs / 1000],
      );
    } catch (error) {
      this.logger.warn(`inbox pruning failed: ${(error as Error).message}`);
    }
  }
}

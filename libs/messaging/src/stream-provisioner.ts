import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { eventDefinitions } from '@mestres/contracts';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import { MessagingNames } from './messaging-names';
import { NatsClient } from './nats-client';

const STREAM_NAME_IN_USE = 10058;

type DesiredStream = Pick<StreamConfig, 'name' | 'subjects' | 'description' | 'max_age' | 'duplicate_window'> &
  Partial<StreamConfig>;

/** The streams every service expects: one per context that owns events, plus the DLQ. */
export function desiredStreams(names: MessagingNames, settings: ResolvedMessagingOptions['streams']): DesiredStream[] {
  const contexts = [...new Set(eventDefinitions().map(([subject]) => MessagingNames.contextOf(subject)))].sort();
  const common = {
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
  };
  return [
    ...contexts.map((context) => ({
      ...common,
      name: names.eventStream(context),
      subjects: names.eventStreamSubjects(context),
      description: `Events of the ${context} context`,
      max_age: nanos(settings.maxAgeMs),
    })),
    {
      ...common,
      name: names.deadLetterStream(),
      subjects: names.deadLetterStreamSubjects(),
      description: 'Events that consumers gave up on, with the last error; see DeadLetterService',
      max_age: nanos(settings.deadLetterMaxAgeMs),
    },
  ];
}

/**
 * Creates or updates the JetStream streams at startup. Idempotent, so every replica of
 * every service can run it: an identical config is a no-op, a changed one is updated.
 */
@Injectable()
export class StreamProvisioner {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  async ensureStreams(): Promise<void> {
    for (const stream of desiredStreams(this.nats.names, this.options.streams)) await this.ensure(stream);
  }

  /** Ensures the event stream of one context (when a consumer finds it missing). */
  async ensureStreamFor(context: string): Promise<void> {
    const name = this.nats.names.eventStream(context);
    const stream = desiredStreams(this.nats.names, this.options.streams).find((candidate) => candidate.name === name);
    if (stream) await this.ensure(stream);
  }

  private async ensure(stream: DesiredStream): Promise<void> {
    const jsm = await this.nats.jsm();
    try {
      await jsm.streams.add(stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NAME_IN_USE) throw error;
      try {
        await jsm.streams.update(stream.name, stream);
        this.logger.log(`updated stream ${stream.name}`);
      } catch (updateError) {
        throw new Error(`cannot update stream ${stream.name}: ${(updateError as Error).message}`, { cause: updateError });
      }
    }
  }
}

import { Logger } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { ResolvedMessagingOptions } from './messaging.options';
import { MessagingNames } from './messaging-names';

/**
 * The service's one NATS connection, its JetStream contexts and the subject naming.
 * Reconnects forever; tracks whether it is currently connected so loops can wait
 * instead of piling up requests that would only time out.
 */
export class NatsClient {
  private readonly logger = new Logger('Messaging');
  private readonly reconnectListeners = new Set<() => void>();
  private manager?: JetStreamManager;
  private connectedNow = true;

  readonly js: JetStreamClient;

  private constructor(
    readonly connection: NatsConnection,
    readonly names: MessagingNames,
  ) {
    this.js = jetstream(connection);
    void this.watchStatus();
  }

  /** Connects or throws `cannot connect to NATS at <url>`, which fails the app's boot. */
  static async connect(options: ResolvedMessagingOptions): Promise<NatsClient> {
    let connection: NatsConnection;
    try {
      connection = await connect({
        servers: options.servers,
        name: options.service,
        timeout: options.connection.timeoutMs,
        reconnect: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: options.connection.reconnectTimeWaitMs,
        reconnectJitter: options.connection.reconnectJitterMs,
      });
    } catch (error) {
      throw new Error(`cannot connect to NATS at ${options.servers.join(', ')}: ${(error as Error).message}`, { cause: error });
    }
    return new NatsClient(connection, new MessagingNames(options.prefix));
  }

  /** True while connected (false during an outage, until the client reconnected). */
  get connected(): boolean {
    return this.connectedNow && !this.connection.isClosed();
  }

  /** Calls `listener` after every reconnect; returns an unsubscribe function. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async jsm(): Promise<JetStreamManager> {
    this.manager ??= await jetstreamManager(this.connection);
    return this.manager;
  }

  /** Version of the server we are connected to, e.g. `2.10.22`. */
  get serverVersion(): string {
    return this.connection.info?.version ?? '0.0.0';
  }

  async close(): Promise<void> {
    if (this.connection.isClosed()) return;
    await this.connection.drain().catch(() => this.connection.close());
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') {
        this.connectedNow = false;
        this.logger.warn(`lost the NATS connection to ${status.server}; reconnecting`);
      } else if (status.type === 'reconnect') {
        this.connectedNow = true;
        this.logger.log(`reconnected to NATS at ${status.server}`);
        for (const listener of this.reconnectListeners) listener();
      }
    }
  }
}

/** `a.b.c` >= `x.y.z` for plain numeric versions. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parse = (value: string) => value.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

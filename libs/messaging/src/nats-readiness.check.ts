import { Inject, Injectable } from '@nestjs/common';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import { NatsClient } from './nats-client';

/** Readiness: the connection is open and the server answers a ping in time. Registered by the app with the health lib. */
@Injectable()
export class NatsReadinessCheck {
  readonly name = 'nats';

  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
  ) {}

  async check(): Promise<void> {
    const { connection } = this.nats;
    if (connection.isClosed()) throw new Error('the NATS connection is closed');
    if (!this.nats.connected) throw new Error('NATS is disconnected (reconnecting)');
    const timeoutMs = this.options.connection.readinessTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`NATS did not answer a ping within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([connection.rtt(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

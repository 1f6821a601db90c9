import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConsumerHost } from './consumers/consumer-host';
import { DeadLetterService } from './consumers/dead-letter.service';
import { HandlerDiscovery } from './handler-discovery';
import { MESSAGING_OPTIONS, resolveMessagingOptions, type MessagingModuleOptions, type ResolvedMessagingOptions } from './messaging.options';
import { NatsClient } from './nats-client';
import { NatsReadinessCheck } from './nats-readiness.check';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { RpcClient } from './rpc/rpc-client';
import { RpcServer } from './rpc/rpc-server';
import { StreamProvisioner } from './stream-provisioner';

/**
 * Boot: streams are ensured once every module is initialised; consumers, RPC responders
 * and the relay start at bootstrap (the database is connected by then).
 * Shutdown: first stop taking work and finish what is in hand (while the database is
 * still open), then drain the connection.
 */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    private readonly nats: NatsClient,
    private readonly provisioner: StreamProvisioner,
    private readonly consumers: ConsumerHost,
    private readonly rpcServer: RpcServer,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.provisioner.ensureStreams();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpcServer.start();
    await this.consumers.start();
    if (this.options.relay.enabled) this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.rpcServer.stop(), this.consumers.stop()]);
    // Last, so events written by the handlers that just finished still go out.
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nats.close();
  }
}

/**
 * NATS for a service: one connection, JetStream streams, the outbox publisher and relay,
 * `@OnEvent` consumers with inbox dedupe and a dead-letter stream, and typed RPC.
 * Needs `DatabaseModule` (the outbox and inbox live in the service's schema; add
 * `messagingMigrations` to its migrations).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const resolved = resolveMessagingOptions(options);
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: resolved },
        { provide: NatsClient, useFactory: () => NatsClient.connect(resolved) },
        HandlerDiscovery,
        StreamProvisioner,
        EventPublisher,
        OutboxRelay,
        DeadLetterService,
        ConsumerHost,
        RpcClient,
        RpcServer,
        NatsReadinessCheck,
        MessagingLifecycle,
      ],
      exports: [NatsClient, EventPublisher, RpcClient, DeadLetterService, NatsReadinessCheck],
    };
  }
}

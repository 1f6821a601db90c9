import { DynamicModule, Global, Inject, Injectable, Module, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { CACHE_METRICS, RedisModule, RedisReadinessCheck } from '@mestres/cache';
import type { BaseConfig, DatabaseConfig } from '@mestres/config';
import {
  DATABASE_METRICS,
  DatabaseModule,
  DatabaseReadinessCheck,
  databaseSettingsFromConfig,
  type ServiceDatabaseDefinition,
} from '@mestres/database';
import { HealthModule, ReadinessRegistry } from '@mestres/health';
import { MESSAGING_METRICS, MessagingModule, NatsReadinessCheck, type MessagingModuleOptions } from '@mestres/messaging';
import { Metrics, ObservabilityModule } from '@mestres/observability';

export interface ServicePlatformOptions {
  /** Service name: metrics label, NATS connection name, event producer. */
  service: string;
  config: BaseConfig & Partial<DatabaseConfig>;
  /** The schema the service owns; omit for services without a database (the gateway). */
  database?: (schema: string) => ServiceDatabaseDefinition;
  /** Redis key prefix; default `REDIS_PREFIX`. Keys other services read (token revocation) must share it. */
  redisKeyPrefix?: string;
  /** NATS settings beyond the shared config; omit to run without NATS. Needs `database`. */
  messaging?: Omit<MessagingModuleOptions, 'service' | 'servers' | 'prefix'>;
}

/** Registers the readiness checks of whatever infrastructure the service uses. */
@Injectable()
class PlatformReadiness implements OnModuleInit, OnModuleDestroy {
  private stopPoolGauge?: () => void;

  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly metrics: Metrics,
    private readonly redis: RedisReadinessCheck,
    @Optional() @Inject(DatabaseReadinessCheck) private readonly database?: DatabaseReadinessCheck,
    @Optional() @Inject(NatsReadinessCheck) private readonly nats?: NatsReadinessCheck,
  ) {}

  onModuleInit(): void {
    for (const check of [this.database, this.redis, this.nats]) if (check) this.registry.register(check);
    const database = this.database;
    if (database) this.stopPoolGauge = this.metrics.trackDbPool(() => database.poolStats());
  }

  onModuleDestroy(): void {
    this.stopPoolGauge?.();
  }
}

/**
 * Everything a service needs besides its features, wired the same way everywhere:
 * metrics and logs, health and graceful shutdown, Redis, its own Postgres schema and NATS
 * with the outbox. Feature modules then only declare what is theirs.
 */
@Global()
@Module({})
export class ServicePlatformModule {
  static forRoot(options: ServicePlatformOptions): DynamicModule {
    const { config } = options;
    const imports: DynamicModule[] = [
      ObservabilityModule.forRoot({ service: options.service }),
      HealthModule.forRoot(),
      RedisModule.forRoot({
        url: config.REDIS_URL,
        keyPrefix: options.redisKeyPrefix ?? config.REDIS_PREFIX,
        connectionName: options.service,
      }),
    ];
    if (options.database) {
      const databaseConfig = config as BaseConfig & DatabaseConfig;
      imports.push(
        DatabaseModule.forRoot(
          options.database(databaseConfig.DATABASE_SCHEMA),
          databaseSettingsFromConfig(options.service, databaseConfig),
        ),
      );
    }
    if (options.messaging) {
      if (!options.database) throw new Error(`${options.service}: messaging needs a database (outbox and inbox)`);
      imports.push(
        MessagingModule.forRoot({
          ...options.messaging,
          service: options.service,
          servers: config.NATS_URL,
          prefix: config.NATS_PREFIX || undefined,
        }),
      );
    }
    return {
      module: ServicePlatformModule,
      imports,
      providers: [
        { provide: DATABASE_METRICS, useExisting: Metrics },
        { provide: CACHE_METRICS, useExisting: Metrics },
        { provide: MESSAGING_METRICS, useExisting: Metrics },
        PlatformReadiness,
      ],
      exports: [DATABASE_METRICS, CACHE_METRICS, MESSAGING_METRICS],
    };
  }
}

import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createServiceDataSources, initializeServiceDataSources, type ServiceDataSources } from './create-data-source';
import {
  DATABASE_METRICS,
  type DatabaseConnectionSettings,
  type DatabaseMetricsSink,
  type ServiceDatabaseDefinition,
} from './database.options';
import { TransactionHost } from './transaction-host';

const SERVICE_DATA_SOURCES = Symbol('SERVICE_DATA_SOURCES');

/** Readiness: the primary answers `SELECT 1`. Registered by the app with the health lib. */
@Injectable()
export class DatabaseReadinessCheck {
  readonly name = 'postgres';
  constructor(@Inject(SERVICE_DATA_SOURCES) private readonly sources: ServiceDataSources) {}

  async check(): Promise<void> {
    await this.sources.primary.query('SELECT 1');
    if (this.sources.reader !== this.sources.primary) await this.sources.reader.query('SELECT 1');
  }

  /** pg pool counters, for the DB pool saturation gauge. */
  poolStats(): { total: number; idle: number; waiting: number } {
    const pool = (this.sources.primary.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
  }
}

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(SERVICE_DATA_SOURCES) private readonly sources: ServiceDataSources,
    @Optional() @Inject(DATABASE_METRICS) private readonly metrics?: DatabaseMetricsSink,
  ) {}

  async onModuleInit(): Promise<void> {
    this.sources.observer.sink = this.metrics;
    await initializeServiceDataSources(this.sources);
    const replica = this.sources.reader !== this.sources.primary ? ' (reads on replica)' : '';
    this.logger.log(`connected to schema ${(this.sources.primary.options as { schema?: string }).schema}${replica}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const source of new Set([this.sources.primary, this.sources.reader])) {
      if (source.isInitialized) await source.destroy();
    }
  }
}

/**
 * Gives a service its DataSource (bound to its own schema and role) and the
 * TransactionHost. Never synchronises the schema: migrations do (`npm run migrate`).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(definition: ServiceDatabaseDefinition, settings: DatabaseConnectionSettings): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: SERVICE_DATA_SOURCES, useFactory: () => createServiceDataSources(definition, settings) },
        { provide: DataSource, useFactory: (sources: ServiceDataSources) => sources.primary, inject: [SERVICE_DATA_SOURCES] },
        {
          provide: TransactionHost,
          useFactory: (sources: ServiceDataSources) => new TransactionHost(sources.primary, sources.reader),
          inject: [SERVICE_DATA_SOURCES],
        },
        DatabaseLifecycle,
        DatabaseReadinessCheck,
      ],
      exports: [DataSource, TransactionHost, DatabaseReadinessCheck],
    };
  }
}

import { Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { CACHE_METRICS } from '@mestres/cache';
import { DATABASE_METRICS, DatabaseReadinessCheck } from '@mestres/database';
import { MESSAGING_METRICS } from '@mestres/messaging';
import { Metrics } from '@mestres/observability';

@Injectable()
class PoolMetrics implements OnModuleInit {
  constructor(
    @Inject(Metrics) private readonly metrics: Metrics,
    private readonly database: DatabaseReadinessCheck,
  ) {}

  onModuleInit(): void {
    this.metrics.trackDbPool(() => this.database.poolStats());
  }
}

/**
 * Points the libraries' metric sinks (database, cache, messaging) at the Prometheus
 * `Metrics` of the observability lib. Global, so the lib modules can inject them.
 */
@Global()
@Module({
  providers: [
    { provide: CACHE_METRICS, useExisting: Metrics },
    { provide: DATABASE_METRICS, useExisting: Metrics },
    { provide: MESSAGING_METRICS, useExisting: Metrics },
    PoolMetrics,
  ],
  exports: [CACHE_METRICS, DATABASE_METRICS, MESSAGING_METRICS],
})
export class MetricsBindingsModule {}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, register } from 'prom-client';
import { GraphqlMetricsPlugin } from '../graphql/graphql-metrics.plugin';
import { Metrics } from './metrics';

/** Options of {@link ObservabilityModule.forRoot}. */
export interface ObservabilityModuleOptions {
  /** Value of the `service` label on every series, e.g. `catalog`. */
  service: string;
}

/**
 * Global module serving Prometheus metrics at `GET /metrics` (on Fastify too), with
 * Node runtime metrics (event-loop lag, heap, GC...) and exporting {@link Metrics} and
 * {@link GraphqlMetricsPlugin}. Import it once, in the app's root module.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityModuleOptions): DynamicModule {
    // prom-client throws if default metrics are registered twice in one process
    // (several apps in one test run), so they are started here, once.
    if (!register.getSingleMetric('nodejs_eventloop_lag_seconds')) collectDefaultMetrics();
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          defaultMetrics: { enabled: false },
          defaultLabels: { service: options.service },
        }),
      ],
      providers: [Metrics, GraphqlMetricsPlugin],
      exports: [Metrics, GraphqlMetricsPlugin],
    };
  }
}

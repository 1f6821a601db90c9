export { startTracing, shutdownTracing, type TracingOptions, type TracingHandle } from './tracing/start-tracing';
export { injectTraceContext, withExtractedContext, activeTraceIds } from './tracing/trace-context';
export { createLogger, type LoggerOptions } from './logging/create-logger';
export { PinoNestLogger } from './logging/pino-nest-logger';
export { REDACTED_KEYS } from './logging/redaction';
export {
  Metrics,
  startTimer,
  LATENCY_BUCKETS,
  type DbQueryKind,
  type CacheResult,
  type NatsDirection,
  type MessageOutcome,
  type NatsOutcome,
  type GraphqlOperationType,
  type JobOutcome,
  type PoolStats,
} from './metrics/metrics';
export { ObservabilityModule, type ObservabilityModuleOptions } from './metrics/observability.module';
export { instrumentFastify } from './metrics/instrument-fastify';
export { GraphqlMetricsPlugin } from './graphql/graphql-metrics.plugin';

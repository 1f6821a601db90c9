import type { IncomingMessage } from 'node:http';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';

/** Options of {@link startTracing}. */
export interface TracingOptions {
  /** `service.name` resource attribute, e.g. `catalog`. */
  serviceName: string;
  /**
   * OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. `http://otel-collector:4318`);
   * `/v1/traces` is appended unless already present. Without it spans are created (so logs
   * carry trace ids and context still propagates) but nothing is exported.
   */
  otlpEndpoint?: string;
  /** Fraction of new root traces to sample (0..1, default 1). Child spans follow their parent's decision. */
  samplerRatio?: number;
}

/** Handle returned by {@link startTracing}. */
export interface TracingHandle {
  /** Flushes pending spans and stops the SDK. Safe to call more than once. */
  shutdown(): Promise<void>;
}

// Probes and scrapes arrive every few seconds and would drown real traces.
const UNTRACED_PATHS = ['/health/', '/metrics'];

let active: TracingHandle | undefined;

/**
 * Starts the OpenTelemetry Node SDK: W3C trace-context + baggage propagation,
 * http/undici/pg/ioredis instrumentation and a ParentBased(TraceIdRatio) sampler.
 *
 * Call it at the very top of `main.ts`, before Nest or any instrumented library is
 * required, otherwise those libraries are not patched. Calling it again in the same
 * process returns the first handle instead of starting a second SDK.
 */
export function startTracing(options: TracingOptions): TracingHandle {
  if (active) return active;

  const ratio = Math.min(1, Math.max(0, options.samplerRatio ?? 1));
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: [spanProcessorFor(options.otlpEndpoint)],
    // Metrics go through prom-client and logs through pino: keep the SDK from
    // starting its default OTLP metric and log exporters.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.some((path) => request.url?.startsWith(path) ?? false),
      }),
      new UndiciInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  active = { shutdown: () => (stopping ??= sdk.shutdown()) };
  return active;
}

/** Flushes and stops tracing if {@link startTracing} was called; otherwise does nothing. */
export async function shutdownTracing(): Promise<void> {
  await active?.shutdown();
}

function spanProcessorFor(endpoint: string | undefined): SpanProcessor {
  // A no-op processor still gives the SDK a TracerProvider, so spans get real ids.
  if (!endpoint) return new NoopSpanProcessor();
  return new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: tracesUrl(endpoint) }) });
}

function tracesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}

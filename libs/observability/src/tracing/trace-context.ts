import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

const tracer = trace.getTracer('@mestres/observability');

/**
 * Writes the active trace context (W3C `traceparent`/`tracestate` and `baggage`) into
 * `carrier` and returns it, for transports that are not HTTP: NATS message headers,
 * BullMQ job data. Without an active span the carrier is returned unchanged.
 */
export function injectTraceContext(carrier: Record<string, string> = {}): Record<string, string> {
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs `fn` inside a new span named `spanName` whose parent is the remote context found
 * in `carrier` (as written by {@link injectTraceContext}); with no remote context the
 * span starts a new trace. The span records a thrown error and always ends.
 *
 * @param kind CONSUMER by default (a NATS handler or queue worker).
 */
export function withExtractedContext<T>(
  carrier: Readonly<Record<string, string>> | undefined,
  spanName: string,
  fn: () => Promise<T>,
  kind: SpanKind = SpanKind.CONSUMER,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, carrier ?? {});
  return tracer.startActiveSpan(spanName, { kind }, parent, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Ids of the active span, for log lines and error reports; undefined outside a span. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

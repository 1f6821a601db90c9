import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';

const tracer = trace.getTracer('@mestres/messaging');

/** The W3C trace headers (`traceparent`, `tracestate`) of a context, as a plain record. */
export function captureTraceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** NATS headers built from a plain record. */
export function toNatsHeaders(record: Record<string, string>): MsgHdrs {
  const headers = natsHeaders();
  for (const [key, value] of Object.entries(record)) headers.set(key, value);
  return headers;
}

/** A plain record of NATS headers (first value of each key). */
export function fromNatsHeaders(headers: MsgHdrs | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of headers?.keys() ?? []) record[key] = headers!.get(key);
  return record;
}

/** The remote parent carried by message headers, if any. */
export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, fromNatsHeaders(headers));
}

/** Runs `work` in a span, recording a thrown error on it. */
export function inSpan<T>(
  name: string,
  kind: SpanKind,
  parent: Context,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };

import { SpanKind, trace } from '@opentelemetry/api';
import { startTracing, type TracingHandle } from './start-tracing';
import { activeTraceIds, injectTraceContext, withExtractedContext } from './trace-context';

describe('trace context propagation', () => {
  let tracing: TracingHandle;
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'trace-context-spec' });
  });
  afterAll(() => tracing.shutdown());

  it('returns the first handle when tracing is started twice', () => {
    expect(startTracing({ serviceName: 'again' })).toBe(tracing);
  });

  it('writes a W3C traceparent for the active span into the carrier', () => {
    const headers = trace.getTracer('spec').startActiveSpan('publish', (span) => {
      const carrier = injectTraceContext({ subject: 'orders.order.paid.v1' });
      span.end();
      return { carrier, traceId: span.spanContext().traceId };
    });
    expect(headers.carrier.subject).toBe('orders.order.paid.v1');
    expect(headers.carrier.traceparent).toMatch(new RegExp(`^00-${headers.traceId}-[0-9a-f]{16}-0[01]$`));
  });

  it('continues the remote trace in the consumer span', async () => {
    const { carrier, traceId, spanId } = trace.getTracer('spec').startActiveSpan('publish', (span) => {
      const result = { carrier: injectTraceContext(), ...span.spanContext() };
      span.end();
      return result;
    });

    const inside = await withExtractedContext(carrier, 'orders.order.paid.v1 consume', async () => activeTraceIds());

    expect(inside?.trace_id).toBe(traceId);
    expect(inside?.span_id).not.toBe(spanId);
  });

  it('starts a new trace when the carrier has no context', async () => {
    const inside = await withExtractedContext(undefined, 'job run', async () => activeTraceIds(), SpanKind.INTERNAL);
    expect(inside?.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rethrows what the handler throws', async () => {
    await expect(
      withExtractedContext({}, 'failing', async () => {
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
  });

  it('reports no ids outside a span', () => {
    expect(activeTraceIds()).toBeUndefined();
  });
});

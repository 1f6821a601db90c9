import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import type { OrderStockRequestV1, StockAcknowledgedV1 } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { EventPublisher, OnRequest, RpcClient } from '@mestres/messaging';
import { uniqueSuffix, type TestDatabase } from '@mestres/testing';
import {
  aProductCreated,
  createServiceSchema,
  deleteStreams,
  eventually,
  projectionProviders,
  startService,
  type ProjectionBehaviour,
} from './messaging.fixtures';

const seenByResponder: string[] = [];

@Injectable()
class CommitResponder {
  @OnRequest('catalog.stock.commit.v1')
  commit(_request: OrderStockRequestV1): StockAcknowledgedV1 {
    seenByResponder.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none');
    return { ok: true };
  }
}

describe('trace propagation', () => {
  const prefix = `t${uniqueSuffix()}`;
  let db: TestDatabase;
  let publisher: TestingModule;
  let consumer: TestingModule;
  const seenTraceIds: string[] = [];
  const behaviour: ProjectionBehaviour = {
    calls: [],
    before: () => void seenTraceIds.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none'),
  };

  beforeAll(async () => {
    // What the observability lib sets up at boot; no SDK needed to carry a trace id along.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    db = await createServiceSchema('msgtrace');
    publisher = await startService({ service: 'catalog', db, prefix, providers: [CommitResponder] });
    consumer = await startService({ service: 'courses', db, prefix, providers: projectionProviders(behaviour) });
  });

  afterAll(async () => {
    await consumer?.close();
    await publisher?.close();
    await deleteStreams(prefix);
    await db?.drop();
    context.disable();
    propagation.disable();
  });

  it("continues the producer's trace in the consumer, through the outbox", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const producerSpan = trace.setSpanContext(context.active(), { traceId, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
    await context.with(producerSpan, () =>
      publisher.get(TransactionHost).transaction(() => publisher.get(EventPublisher).publish('catalog.product.created.v1', aProductCreated())),
    );
    await eventually(() => expect(seenTraceIds).toHaveLength(1));
    expect(seenTraceIds).toEqual([traceId]);
  });

  it("continues the requester's trace in the responder", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const requesterSpan = trace.setSpanContext(context.active(), { traceId, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED });
    await context.with(requesterSpan, () => consumer.get(RpcClient).request('catalog.stock.commit.v1', { orderId: 'o-trace' }));
    expect(seenByResponder).toEqual([traceId]);
  });
});

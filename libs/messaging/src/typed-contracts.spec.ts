import type { ProductCreatedV1, ReserveStockRequestV1, StockAcknowledgedV1, StockChangedV1 } from '@mestres/contracts';
import { ON_EVENT_METADATA, OnEvent } from './consumers/on-event.decorator';
import type { EventPublisher } from './outbox/event-publisher';
import { ON_REQUEST_METADATA, OnRequest } from './rpc/on-request.decorator';
import type { RpcClient } from './rpc/rpc-client';

// The `@ts-expect-error` lines are the test: `npm run typecheck` fails if any of them compiles.

class StockView {
  @OnEvent('catalog.stock.changed.v1', { consumer: 'stock-view', maxDeliver: 7 })
  async onStockChanged(_stock: StockChangedV1): Promise<void> {}

  // @ts-expect-error the handler takes the payload of another subject
  @OnEvent('catalog.stock.changed.v1', { consumer: 'stock-view' })
  async onWrongPayload(_product: ProductCreatedV1): Promise<void> {}

  @OnRequest('catalog.stock.commit.v1')
  async commit(): Promise<StockAcknowledgedV1> {
    return { ok: true };
  }

  // @ts-expect-error the handler returns the response of another subject
  @OnRequest('catalog.stock.reserve.v1')
  async reserve(_request: ReserveStockRequestV1): Promise<StockAcknowledgedV1> {
    return { ok: true };
  }
}

export function compileTimeChecks(events: EventPublisher, rpc: RpcClient): void {
  // @ts-expect-error prices are integer cents, not strings
  void events.publish('catalog.product.price-changed.v1', { productId: 'p', sku: 's', oldPriceCents: '1', newPriceCents: 2, currency: 'BRL' });
  // @ts-expect-error not a subject of the catalog
  void events.publish('catalog.product.deleted.v1', {});
  // @ts-expect-error the request misses its lines
  void rpc.request('catalog.stock.reserve.v1', { orderId: 'o1' });
  void rpc.request('catalog.stock.reserve.v1', { orderId: 'o1', lines: [] }).then((response) => {
    // @ts-expect-error reservationId exists only on the ok branch
    void response.reservationId;
    if (response.ok) void response.reservationId.toUpperCase();
  });
}

describe('typed handlers', () => {
  it('records the subject and consumer options on the decorated method', () => {
    expect(Reflect.getMetadata(ON_EVENT_METADATA, StockView.prototype.onStockChanged)).toEqual([
      { subject: 'catalog.stock.changed.v1', consumer: 'stock-view', maxDeliver: 7 },
    ]);
    expect(Reflect.getMetadata(ON_REQUEST_METADATA, StockView.prototype.commit)).toBe('catalog.stock.commit.v1');
  });
});

import { Injectable } from '@nestjs/common';
import type { OrderStockRequestV1, ReserveStockRequestV1, ReserveStockResponseV1, StockAcknowledgedV1 } from '@mestres/contracts';
import { OnRequest, RpcHandlerError } from '@mestres/messaging';
import { StockError } from './stock.errors';
import { StockService } from './stock.service';

/**
 * Answers the orders service over NATS request/reply. Requests are validated against the
 * contract by the messaging lib before they get here; domain errors are replied as their code
 * (e.g. `RESERVATION_NOT_FOUND`), anything else as INTERNAL.
 */
@Injectable()
export class StockRequestHandlers {
  constructor(private readonly stock: StockService) {}

  @OnRequest('catalog.stock.reserve.v1')
  reserve(request: ReserveStockRequestV1): Promise<ReserveStockResponseV1> {
    return domainErrorsAsReplies(() => this.stock.reserve(request.orderId, request.lines));
  }

  @OnRequest('catalog.stock.commit.v1')
  commit(request: OrderStockRequestV1): Promise<StockAcknowledgedV1> {
    return domainErrorsAsReplies(async () => {
      await this.stock.commit(request.orderId);
      return { ok: true as const };
    });
  }

  @OnRequest('catalog.stock.release.v1')
  release(request: OrderStockRequestV1): Promise<StockAcknowledgedV1> {
    return domainErrorsAsReplies(async () => {
      await this.stock.release(request.orderId);
      return { ok: true as const };
    });
  }
}

async function domainErrorsAsReplies<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StockError) throw new RpcHandlerError(error.code, error.message);
    throw error;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { CatalogClient, CatalogRejectedError, CatalogUnavailableError } from '../shared/catalog-client';
import type { OrderKey } from '../shared/order-id';
import { OrderTasksQueue } from '../tasks/order-tasks.queue';
import type { StockState } from './order.entity';
import { OrderStatus } from './order-status.enum';
import { OrdersRepository } from './orders.repository';

/**
 * Settles the catalog reservation of an order once its payment is decided: commit when paid
 * (units leave the shelf), release when cancelled (units go back on sale). `stock_state` on the
 * order records what was done, so settling is idempotent and a boot sweep finds what is owed.
 */
@Injectable()
export class StockSettlement {
  private readonly logger = new Logger(StockSettlement.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly catalog: CatalogClient,
    private readonly tasks: OrderTasksQueue,
  ) {}

  /**
   * Settles now, or leaves it to a retried job when the catalog is unavailable. Never throws for
   * an unavailable catalog or Redis: the boot sweep is the last resort.
   */
  async settleOrSchedule(key: OrderKey): Promise<void> {
    try {
      await this.settle(key);
    } catch (error) {
      if (!(error instanceof CatalogUnavailableError)) throw error;
      await this.tasks.settleStockLater(key.id).catch((failure: unknown) =>
        this.logger.error(`order ${key.id}: stock not settled and no retry scheduled (${(failure as Error).message}); the boot sweep will retry`),
      );
    }
  }

  /** @throws CatalogUnavailableError (retry later) */
  async settle(key: OrderKey): Promise<void> {
    const order = await this.orders.find(key);
    if (!order || order.stockState !== 'RESERVED' || order.status === OrderStatus.PENDING_PAYMENT) return;
    if (order.status === OrderStatus.CANCELLED) {
      await this.apply(key, 'RELEASED', () => this.catalog.release(key.id));
    } else {
      await this.apply(key, 'COMMITTED', () => this.catalog.commit(key.id));
    }
  }

  private async apply(key: OrderKey, to: StockState, call: () => Promise<void>): Promise<void> {
    try {
      await call();
      await this.orders.setStockState(key, 'RESERVED', to);
    } catch (error) {
      if (!(error instanceof CatalogRejectedError)) throw error;
      // The catalog's reservation is already settled the other way; record the truth and stop.
      const actual: StockState = error.code === 'RESERVATION_ALREADY_COMMITTED' ? 'COMMITTED' : 'RELEASED';
      this.logger.error(`order ${key.id}: catalog refused to make the stock ${to} (${error.code}); recorded as ${actual}`);
      await this.orders.setStockState(key, 'RESERVED', actual);
    }
  }
}

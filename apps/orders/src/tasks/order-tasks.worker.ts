import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { createBullConnectionOptions } from '@mestres/cache';
import type { OrdersConfig } from '../config';
import { OrdersRepository } from '../orders/orders.repository';
import { StockSettlement } from '../orders/stock-settlement.service';
import { orderKeyOf } from '../shared/order-id';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import { OrderExpiry } from './order-expiry.service';
import { ORDER_TASKS_QUEUE, OrderTaskName } from './order-tasks';
import { bullPrefix, OrderTasksQueue } from './order-tasks.queue';

const SWEEP_BATCH = 1_000;

/**
 * Runs the orders-tasks queue once the app is up, and stops taking jobs before the database
 * closes. At boot it re-schedules what the database says is owed (expiries of unpaid orders,
 * unsettled stock), in case a job was lost with Redis; job ids make that a no-op otherwise.
 */
@Injectable()
export class OrderTasksWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrderTasksWorker.name);
  private worker?: Worker;

  constructor(
    @InjectOrdersConfig() private readonly config: OrdersConfig,
    private readonly expiry: OrderExpiry,
    private readonly settlement: StockSettlement,
    private readonly queue: OrderTasksQueue,
    private readonly orders: OrdersRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(ORDER_TASKS_QUEUE, (job, token) => this.process(job, token), {
      connection: createBullConnectionOptions(this.config.REDIS_URL, { connectionName: 'orders-tasks-worker' }),
      prefix: bullPrefix(this.config),
      concurrency: this.config.ORDER_TASKS_CONCURRENCY,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    this.worker.on('error', (error) => this.logger.warn(`worker error: ${error.message}`));
    void this.sweep().catch((error: unknown) => this.logger.warn(`boot sweep failed: ${(error as Error).message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job, token?: string): Promise<void> {
    const key = orderKeyOf((job.data as { orderId?: unknown }).orderId);
    if (!key) throw new UnrecoverableError(`${job.name}: not an order id`);
    switch (job.name) {
      case OrderTaskName.EXPIRE_ORDER: {
        const result = await this.expiry.expire(key.id);
        if ('retryAt' in result) {
          await job.moveToDelayed(result.retryAt.getTime(), token);
          throw new DelayedError();
        }
        return;
      }
      case OrderTaskName.SETTLE_STOCK:
        return this.settlement.settle(key);
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /** Re-schedules owed work from the database (idempotent thanks to the job ids). */
  async sweep(): Promise<{ expiries: number; settlements: number }> {
    const pending = await this.orders.pendingPayment(SWEEP_BATCH);
    for (const order of pending) await this.queue.scheduleExpiry(order.id, order.paymentExpiresAt);
    const unsettled = await this.orders.unsettledStock(SWEEP_BATCH);
    for (const order of unsettled) await this.queue.settleStockLater(order.id);
    if (pending.length || unsettled.length) this.logger.log(`re-scheduled ${pending.length} expiries and ${unsettled.length} stock settlements`);
    return { expiries: pending.length, settlements: unsettled.length };
  }
}

import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { createBullConnectionOptions } from '@mestres/cache';
import type { OrdersConfig } from '../config';
import { Clock } from '../shared/clock';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import { ORDER_TASKS_QUEUE, OrderTaskName, type OrderTaskPayloads } from './order-tasks';

/** Redis did not take the job in time. */
export class TasksUnavailableError extends Error {
  override readonly name = 'TasksUnavailableError';
}

/** BullMQ key prefix of the service (BullMQ refuses ioredis' keyPrefix). */
export const bullPrefix = (config: Pick<OrdersConfig, 'REDIS_PREFIX'>) => `${config.REDIS_PREFIX}bull`;

const ADD_TIMEOUT_MS = 2_000;

/**
 * Schedules the saga's delayed and retried work in Redis, so it survives restarts. Job ids are
 * derived from the order id: scheduling the same work twice keeps one job.
 */
@Injectable()
export class OrderTasksQueue implements OnApplicationShutdown {
  readonly queue: Queue;

  constructor(
    @InjectOrdersConfig() config: OrdersConfig,
    private readonly clock: Clock,
  ) {
    this.queue = new Queue(ORDER_TASKS_QUEUE, {
      connection: createBullConnectionOptions(config.REDIS_URL, { connectionName: 'orders-tasks' }),
      prefix: bullPrefix(config),
    });
  }

  /** Expires the order at `at` unless it is paid by then. */
  scheduleExpiry(orderId: string, at: Date): Promise<void> {
    return this.add(OrderTaskName.EXPIRE_ORDER, { orderId }, {
      jobId: `expire-${orderId}`,
      delay: Math.max(0, at.getTime() - this.clock.now().getTime()),
      attempts: 20,
      backoff: { type: 'exponential', delay: 1_000 },
    });
  }

  /** Retries the stock commit or release of an order until the catalog takes it. */
  settleStockLater(orderId: string): Promise<void> {
    return this.add(OrderTaskName.SETTLE_STOCK, { orderId }, {
      jobId: `settle-${orderId}`,
      attempts: 25,
      backoff: { type: 'exponential', delay: 500 },
    });
  }

  /** Drops a scheduled expiry that can no longer matter (the checkout reserved nothing). Best effort. */
  async cancelExpiry(orderId: string): Promise<void> {
    await this.queue.remove(`expire-${orderId}`).catch(() => undefined);
  }

  private async add<N extends OrderTaskName>(name: N, payload: OrderTaskPayloads[N], options: JobsOptions): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(name, payload, { removeOnComplete: true, removeOnFail: 1_000, ...options }),
        // The BullMQ connection queues commands while Redis is down; a request must not hang on it.
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new TasksUnavailableError(`Redis did not take ${name} within ${ADD_TIMEOUT_MS} ms`)), ADD_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

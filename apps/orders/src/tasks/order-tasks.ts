/** The orders service's own BullMQ queue: timers and retries of the order saga. */
export const ORDER_TASKS_QUEUE = 'orders-tasks';

export enum OrderTaskName {
  /** At the payment deadline: cancel the order if still unpaid and release its stock. */
  EXPIRE_ORDER = 'expire-order',
  /** Commit (paid) or release (cancelled) the catalog reservation when the inline call failed. */
  SETTLE_STOCK = 'settle-stock',
}

export interface OrderTaskPayloads {
  [OrderTaskName.EXPIRE_ORDER]: { orderId: string };
  [OrderTaskName.SETTLE_STOCK]: { orderId: string };
}

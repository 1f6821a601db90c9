import { Injectable } from '@nestjs/common';
import { isOwnerOrAdmin, type CallerIdentity } from '@mestres/auth';
import { decodeCursor, pageSize, toConnection } from '@mestres/graphql';
import { orderKeyOf, type OrderKey } from '../shared/order-id';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderTransitionEntity } from './order-transition.entity';
import type { OrderEntity } from './order.entity';
import { toOrderModel, type OrderConnection } from './order.model';
import type { OrderStatus } from './order-status.enum';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrdersRepository, type OrderPageQuery } from './orders.repository';

interface Cursor {
  c: string;
  i: string;
}

const isCursor = (value: unknown): value is Cursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Cursor).c === 'string' &&
  !Number.isNaN(Date.parse((value as Cursor).c)) &&
  orderKeyOf((value as Cursor).i) !== null;

export interface OrderPageArgs {
  first?: number | null;
  after?: string | null;
  status?: OrderStatus | null;
}

export interface AdminOrderFilter {
  status?: OrderStatus | null;
  userId?: string | null;
  placedFrom?: Date | null;
  placedTo?: Date | null;
}

/** Reading orders: by id for their owner or an admin, a customer's history, the admin list. */
@Injectable()
export class OrdersService {
  constructor(private readonly orders: OrdersRepository) {}

  /** NOT_FOUND both for a missing order and for someone else's, so ids reveal nothing. */
  async findForCaller(caller: CallerIdentity, id: string): Promise<OrderEntity> {
    const key = orderKeyOf(id);
    const order = key ? await this.orders.find(key) : null;
    if (!order || !isOwnerOrAdmin(caller, order.userId)) throw new OrdersError(OrdersErrorCode.ORDER_NOT_FOUND, 'Order not found', { field: 'id' });
    return order;
  }

  pageForUser(userId: string, args: OrderPageArgs): Promise<OrderConnection> {
    return this.page({ userId, status: args.status ?? undefined }, args);
  }

  adminPage(filter: AdminOrderFilter, args: OrderPageArgs): Promise<OrderConnection> {
    if (filter.placedFrom && filter.placedTo && filter.placedFrom >= filter.placedTo) {
      throw new OrdersError(OrdersErrorCode.INVALID_FILTER, 'filter.placedTo: must be after filter.placedFrom', { field: 'filter.placedTo' });
    }
    if (filter.userId !== undefined && filter.userId !== null && (filter.userId.length === 0 || filter.userId.length > 100)) {
      throw new OrdersError(OrdersErrorCode.INVALID_FILTER, 'filter.userId: 1 to 100 characters', { field: 'filter.userId' });
    }
    return this.page(
      {
        status: filter.status ?? undefined,
        userId: filter.userId ?? undefined,
        placedFrom: filter.placedFrom ?? undefined,
        placedTo: filter.placedTo ?? undefined,
      },
      args,
    );
  }

  /** Lines of each order, aligned to `keys` (DataLoader batch). */
  async linesOf(keys: readonly OrderKey[]): Promise<OrderLineEntity[][]> {
    const lines = await this.orders.linesOf(keys);
    return keys.map((key) => lines.filter((line) => line.orderId === key.id));
  }

  /** Transition history of each order, oldest first, aligned to `keys`. */
  async historyOf(keys: readonly OrderKey[]): Promise<OrderTransitionEntity[][]> {
    const transitions = await this.orders.transitionsOf(keys);
    return keys.map((key) => transitions.filter((transition) => transition.orderId === key.id));
  }

  private async page(query: Omit<OrderPageQuery, 'limit' | 'after'>, args: OrderPageArgs): Promise<OrderConnection> {
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, isCursor);
    const { rows, totalCount } = await this.orders.page({ ...query, limit, after: cursor && { createdAt: cursor.c, id: cursor.i } });
    return toConnection(rows, limit, totalCount, toOrderModel, (row): Cursor => ({ c: row.createdAt.toISOString(), i: row.id }));
  }
}

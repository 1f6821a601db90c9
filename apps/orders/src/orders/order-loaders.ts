import { requestLoader } from '@mestres/graphql';
import type { OrderKey } from '../shared/order-id';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderTransitionEntity } from './order-transition.entity';
import type { OrdersService } from './orders.service';


/** Per-request loaders: the lines (or history) of every order in a response in one query. */
export const orderLinesLoader = (context: object, orders: OrdersService) =>
  requestLoader<OrderKey, OrderLineEntity[]>(context, 'orders.lines', (keys) => orders.linesOf(keys));

export const orderHistoryLoader = (context: object, orders: OrdersService) =>
  requestLoader<OrderKey, OrderTransitionEntity[]>(context, 'orders.history', (keys) => orders.historyOf(keys));


import type { ServiceDatabaseDefinition } from '@mestres/database';
import { messagingMigrations } from '@mestres/messaging';
import { CartLineEntity } from './cart/cart-line.entity';
import { CartEntity } from './cart/cart.entity';
import { CreateOrders1767398400000 } from './migrations/1767398400000-CreateOrders';
import { OrderLineEntity } from './orders/order-line.entity';
import { OrderTransitionEntity } from './orders/order-transition.entity';
import { OrderEntity } from './orders/order.entity';

/** The orders service's schema: carts, partitioned orders, checkout keys, payments, and the messaging outbox. */
export function ordersDatabase(schema = 'orders'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [CartEntity, CartLineEntity, OrderEntity, OrderLineEntity, OrderTransitionEntity],
    migrations: [...messagingMigrations, CreateOrders1767398400000],
  };
}

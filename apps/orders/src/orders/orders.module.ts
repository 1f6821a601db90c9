import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { TasksQueueModule } from '../tasks/tasks-queue.module';
import { OrderAdminResolver } from './order-admin.resolver';
import { OrderAdminService } from './order-admin.service';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderPayments } from './order-payments.service';
import { OrdersRepository } from './orders.repository';
import { OrdersResolver } from './orders.resolver';
import { OrdersService } from './orders.service';
import { StockSettlement } from './stock-settlement.service';
import { UserOrdersResolver } from './user-orders.resolver';

@Module({
  imports: [PaymentsModule, TasksQueueModule],
  providers: [
    OrdersRepository,
    OrderLifecycle,
    StockSettlement,
    OrderPayments,
    OrdersService,
    OrderAdminService,
    OrdersResolver,
    OrderAdminResolver,
    UserOrdersResolver,
  ],
  exports: [OrdersRepository, OrderLifecycle, OrderPayments, StockSettlement, OrdersService],
})
export class OrdersModule {}

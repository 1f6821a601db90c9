import { Module } from '@nestjs/common';
import { CheckoutModule } from '../checkout/checkout.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsModule } from '../payments/payments.module';
import { OrderExpiry } from './order-expiry.service';
import { OrderTasksWorker } from './order-tasks.worker';
import { TasksQueueModule } from './tasks-queue.module';

/** The worker of the orders-tasks queue: payment deadlines and stock settlement retries. */
@Module({
  imports: [TasksQueueModule, OrdersModule, CheckoutModule, PaymentsModule],
  providers: [OrderExpiry, OrderTasksWorker],
  exports: [OrderTasksWorker],
})
export class TasksModule {}

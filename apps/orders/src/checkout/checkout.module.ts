import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsModule } from '../payments/payments.module';
import { TasksQueueModule } from '../tasks/tasks-queue.module';
import { CheckoutCart } from './checkout-cart';
import { CheckoutIdempotency } from './checkout-idempotency.service';
import { CheckoutPayment } from './checkout-payment';
import { CheckoutRequestsRepository } from './checkout-requests.repository';
import { CheckoutResultMapper } from './checkout-result.mapper';
import { CheckoutResolver } from './checkout.resolver';
import { CheckoutService } from './checkout.service';

@Module({
  imports: [CartModule, OrdersModule, PaymentsModule, TasksQueueModule],
  providers: [
    CheckoutRequestsRepository,
    CheckoutIdempotency,
    CheckoutCart,
    CheckoutPayment,
    CheckoutService,
    CheckoutResultMapper,
    CheckoutResolver,
  ],
  exports: [CheckoutRequestsRepository, CheckoutService],
})
export class CheckoutModule {}

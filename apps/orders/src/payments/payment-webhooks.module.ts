import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { PaymentWebhookController } from './payment-webhook.controller';
import { PaymentWebhooks } from './payment-webhooks.service';
import { PaymentsModule } from './payments.module';
import { RawJsonBody } from './raw-json-body';
import { WebhookEventsRepository } from './webhook-events.repository';

@Module({
  imports: [PaymentsModule, OrdersModule],
  controllers: [PaymentWebhookController],
  providers: [RawJsonBody, WebhookEventsRepository, PaymentWebhooks],
})
export class PaymentWebhooksModule {}

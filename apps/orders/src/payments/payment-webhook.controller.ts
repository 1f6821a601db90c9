import { BadRequestException, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { WebhookRejectedError } from './payment-provider';
import { PaymentWebhooks, type WebhookHandling } from './payment-webhooks.service';
import type { RequestWithRawBody } from './raw-json-body';

/** Where the payment provider POSTs asynchronous payment results. */
@Controller('webhooks')
export class PaymentWebhookController {
  constructor(private readonly webhooks: PaymentWebhooks) {}

  @Post('payments')
  @HttpCode(200)
  async receive(@Req() request: RequestWithRawBody): Promise<{ received: true; result: WebhookHandling }> {
    try {
      return { received: true, result: await this.webhooks.handle(request.rawBody, request.headers) };
    } catch (error) {
      // Say nothing about why: an attacker probing signatures learns nothing.
      if (error instanceof WebhookRejectedError) throw new BadRequestException('invalid webhook');
      throw error;
    }
  }
}

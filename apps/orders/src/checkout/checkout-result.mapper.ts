import { Injectable } from '@nestjs/common';
import { toOrderModel } from '../orders/order.model';
import { OrdersRepository } from '../orders/orders.repository';
import { variantReference } from '../shared/product-variant.reference';
import { orderKeyOf } from '../shared/order-id';
import { PaymentDeclineReason, type CheckoutOutcome } from './checkout-outcome';
import type { CheckoutResult } from './checkout-result.model';

const DECLINE_MESSAGES: Record<PaymentDeclineReason, string> = {
  CARD_DECLINED: 'O pagamento foi recusado pelo banco. Tente outro cartão.',
  INSUFFICIENT_FUNDS: 'O cartão não tem limite ou saldo suficiente. Tente outro cartão.',
  INVALID_CARD: 'Os dados do cartão não são válidos. Confira e tente novamente.',
  AUTHENTICATION_FAILED: 'O pagamento não foi confirmado junto ao banco.',
  PROCESSING_ERROR: 'Não conseguimos processar o pagamento agora; nada foi cobrado. Tente novamente em instantes.',
};

/** Turns a stored checkout outcome into the GraphQL union member, re-reading the order. */
@Injectable()
export class CheckoutResultMapper {
  constructor(private readonly orders: OrdersRepository) {}

  async toResult(outcome: CheckoutOutcome): Promise<CheckoutResult> {
    switch (outcome.type) {
      case 'Order':
        return toOrderModel(await this.order(outcome.orderId));
      case 'CartEmpty':
        return { message: 'Seu carrinho está vazio.', code: 'CART_EMPTY' };
      case 'PriceChanged':
        return {
          message: 'Alguns preços mudaram desde que você viu o carrinho. Confira os novos valores antes de finalizar.',
          code: 'PRICE_CHANGED',
          changes: outcome.changes.map((change) => ({ ...change, variant: variantReference(change.sku) })),
        };
      case 'InsufficientStock':
        return {
          message: 'Alguns itens não têm estoque suficiente. Ajuste as quantidades e tente novamente.',
          code: 'INSUFFICIENT_STOCK',
          shortages: outcome.shortages.map((shortage) => ({ ...shortage, variant: variantReference(shortage.sku) })),
        };
      case 'PaymentDeclined':
        return {
          message: DECLINE_MESSAGES[outcome.reason],
          code: 'PAYMENT_DECLINED',
          reason: outcome.reason,
          retryable: outcome.retryable,
          order: toOrderModel(await this.order(outcome.orderId)),
        };
    }
  }

  private async order(orderId: string) {
    const order = await this.orders.find(orderKeyOf(orderId)!);
    if (!order) throw new Error(`checkout outcome names missing order ${orderId}`);
    return order;
  }
}

import { registerEnumType } from '@nestjs/graphql';

export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PAID = 'PAID',
  FULFILLING = 'FULFILLING',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order is in its lifecycle.',
  valuesMap: {
    PENDING_PAYMENT: { description: 'Stock is reserved; waiting for the payment (expires after a while).' },
    PAID: { description: 'Payment captured; waiting to be prepared.' },
    FULFILLING: { description: 'Being prepared for shipping.' },
    SHIPPED: { description: 'Handed to the carrier; see trackingCode.' },
    DELIVERED: { description: 'Reached the customer.' },
    CANCELLED: { description: 'Cancelled (payment declined or not received in time, or by the shop); stock released, captured money refunded.' },
    REFUNDED: { description: 'Everything captured was refunded.' },
  },
});

export enum PaymentStatus {
  PENDING = 'PENDING',
  REQUIRES_CONFIRMATION = 'REQUIRES_CONFIRMATION',
  SUCCEEDED = 'SUCCEEDED',
  DECLINED = 'DECLINED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'State of the payment of an order.',
  valuesMap: {
    PENDING: { description: 'Not charged yet.' },
    REQUIRES_CONFIRMATION: { description: 'The bank asked the customer to confirm (3-D Secure); the order is paid when the provider confirms.' },
    SUCCEEDED: { description: 'Captured.' },
    DECLINED: { description: 'The card was declined.' },
    FAILED: { description: 'The provider kept failing; nothing was charged.' },
    CANCELLED: { description: 'The payment was cancelled before anything was captured.' },
  },
});

export enum TransitionActor {
  CUSTOMER = 'CUSTOMER',
  ADMIN = 'ADMIN',
  SYSTEM = 'SYSTEM',
  PAYMENT_PROVIDER = 'PAYMENT_PROVIDER',
}

registerEnumType(TransitionActor, {
  name: 'TransitionActor',
  description: 'Who moved an order to a new status.',
  valuesMap: {
    CUSTOMER: { description: 'The customer, at checkout.' },
    ADMIN: { description: 'A shop administrator.' },
    SYSTEM: { description: 'The platform itself (payment deadline, retries).' },
    PAYMENT_PROVIDER: { description: 'The payment provider (charge result or webhook).' },
  },
});

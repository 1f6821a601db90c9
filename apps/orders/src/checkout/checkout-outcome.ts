/** Why a payment did not go through, as the client sees it. */
export enum PaymentDeclineReason {
  CARD_DECLINED = 'CARD_DECLINED',
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  INVALID_CARD = 'INVALID_CARD',
  AUTHENTICATION_FAILED = 'AUTHENTICATION_FAILED',
  /** The provider kept failing; nothing was charged and trying again later may work. */
  PROCESSING_ERROR = 'PROCESSING_ERROR',
}

export interface PriceChange {
  sku: string;
  previousUnitPriceCents: number;
  unitPriceCents: number;
}

export interface StockShortage {
  sku: string;
  requested: number;
  available: number;
}

/**
 * The outcome of a checkout as stored with its idempotency key and replayed to retries. An
 * order is stored by id and re-read on replay, so a retry sees its current status.
 */
export type CheckoutOutcome =
  | { type: 'Order'; orderId: string }
  | { type: 'CartEmpty' }
  | { type: 'PriceChanged'; changes: PriceChange[] }
  | { type: 'InsufficientStock'; shortages: StockShortage[] }
  | { type: 'PaymentDeclined'; orderId: string; reason: PaymentDeclineReason; retryable: boolean };

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';

export type OrderMilestone = 'placed' | 'paid' | 'shipped' | 'cancelled';

const MILESTONE_COLUMN: Record<OrderMilestone, string> = {
  placed: 'placed_at',
  paid: 'paid_at',
  shipped: 'shipped_at',
  cancelled: 'cancelled_at',
};

export interface OrderFacts {
  orderId: string;
  userId: string;
  currency: string;
  totalCents: number;
}

/** Order milestones and refunds by the time they happened: what the nightly report counts. */
@Injectable()
export class OrderActivityRepository {
  constructor(private readonly tx: TransactionHost) {}

  async recordMilestone(order: OrderFacts, milestone: OrderMilestone, at: string): Promise<void> {
    const column = MILESTONE_COLUMN[milestone];
    await this.tx.manager.query(
      `INSERT INTO order_activity (order_id, user_id, currency, total_cents, ${column}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (order_id) DO UPDATE SET ${column} = EXCLUDED.${column}, total_cents = EXCLUDED.total_cents, updated_at = now()`,
      [order.orderId, order.userId, order.currency, order.totalCents, at],
    );
  }

  async recordRefund(refund: { refundId: string; orderId: string; currency: string; amountCents: number; refundedAt: string }): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO refund_activity (refund_id, order_id, currency, amount_cents, refunded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (refund_id) DO NOTHING`,
      [refund.refundId, refund.orderId, refund.currency, refund.amountCents, refund.refundedAt],
    );
  }
}

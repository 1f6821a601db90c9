import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrderStatus, PaymentStatus } from './order-status.enum';

export type StockState = 'RESERVED' | 'COMMITTED' | 'RELEASED';

/**
 * An order (table partitioned by month on created_at). Amounts are integer cents; the repository
 * reads them as numbers (pg hands bigint over as text).
 */
@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryColumn('uuid') id: string;
  @PrimaryColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'user_id', type: 'text' }) userId: string;
  @Column('text') status: OrderStatus;
  @Column('text') currency: 'BRL';
  @Column({ name: 'subtotal_cents', type: 'bigint' }) subtotalCents: number;
  @Column({ name: 'shipping_cents', type: 'bigint' }) shippingCents: number;
  @Column({ name: 'total_cents', type: 'bigint' }) totalCents: number;
  @Column({ name: 'captured_cents', type: 'bigint' }) capturedCents: number;
  @Column({ name: 'refunded_cents', type: 'bigint' }) refundedCents: number;
  @Column({ name: 'payment_status', type: 'text' }) paymentStatus: PaymentStatus;
  @Column({ name: 'payment_provider', type: 'text', nullable: true }) paymentProvider: string | null;
  @Column({ name: 'payment_id', type: 'text', nullable: true }) paymentId: string | null;
  @Column({ name: 'payment_decline_code', type: 'text', nullable: true }) paymentDeclineCode: string | null;
  @Column({ name: 'stock_state', type: 'text' }) stockState: StockState;
  @Column({ name: 'payment_expires_at', type: 'timestamptz' }) paymentExpiresAt: Date;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt: Date | null;
  @Column({ name: 'tracking_code', type: 'text', nullable: true }) trackingCode: string | null;
  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true }) shippedAt: Date | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The stock an order holds; one per order id, which makes reserve/commit/release idempotent. */
@Entity({ name: 'stock_reservations' })
export class StockReservationEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @Column('text') status: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

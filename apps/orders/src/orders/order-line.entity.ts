import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VariantSnapshotV1 } from '@mestres/contracts';

/** A line of an order: the catalog facts and price of checkout time (partitioned like orders). */
@Entity({ name: 'order_lines' })
export class OrderLineEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId: string;
  @PrimaryColumn({ name: 'order_created_at', type: 'timestamptz' }) orderCreatedAt: Date;
  @PrimaryColumn({ name: 'line_no', type: 'int' }) lineNo: number;
  @Column('text') sku: string;
  @Column({ name: 'product_id', type: 'text' }) productId: string;
  @Column('text') kind: VariantSnapshotV1['kind'];
  @Column('text') name: string;
  @Column({ name: 'variant_name', type: 'text' }) variantName: string;
  @Column('int') quantity: number;
  @Column({ name: 'unit_price_cents', type: 'bigint' }) unitPriceCents: number;
  @Column({ name: 'line_total_cents', type: 'bigint' }) lineTotalCents: number;
}

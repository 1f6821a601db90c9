import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units of one SKU held by one order. */
@Entity({ name: 'stock_reservation_lines' })
export class StockReservationLineEntity {
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @PrimaryColumn('text') sku: string;
  @Column('int') quantity: number;
}

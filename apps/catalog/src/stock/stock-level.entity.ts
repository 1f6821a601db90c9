import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Units of one SKU: physically on hand, and held for orders not yet committed. */
@Entity({ name: 'stock_levels' })
export class StockLevelEntity {
  @PrimaryColumn('text') sku: string;
  @Column({ name: 'on_hand', type: 'int' }) onHand: number;
  @Column('int') reserved: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

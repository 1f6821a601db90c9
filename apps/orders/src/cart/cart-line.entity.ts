import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SKU and quantity in a cart, with the unit price the customer was shown. */
@Entity({ name: 'cart_lines' })
export class CartLineEntity {
  @PrimaryColumn({ name: 'cart_id', type: 'uuid' }) cartId: string;
  @PrimaryColumn('text') sku: string;
  @Column('int') quantity: number;
  /** Cents; null until the price was first seen. Read through the repository (bigint arrives as text). */
  @Column({ name: 'seen_unit_price_cents', type: 'bigint', nullable: true }) seenUnitPriceCents: number | null;
  @Column({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
}

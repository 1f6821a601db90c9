import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A sellable variant (size, grind, colour) identified by its SKU, which never changes. */
@Entity({ name: 'product_variants' })
export class ProductVariantEntity {
  @PrimaryColumn('text') sku: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column('text') name: string;
  @Column({ name: 'price_cents', type: 'int' }) priceCents: number;
  @Column('text') currency: string;
  @Column({ name: 'compare_at_price_cents', type: 'int', nullable: true }) compareAtPriceCents: number | null;
  @Column({ name: 'weight_grams', type: 'int', nullable: true }) weightGrams: number | null;
  @Column('jsonb') options: Record<string, string>;
  @Column('int') position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

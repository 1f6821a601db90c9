import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** numeric comes back from pg as a string; SCA scores are small enough for a JS number. */
const numeric = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export interface ProductImage {
  url: string;
  alt: string;
}

/**
 * A product of the catalog. The generated columns (`search_vector`, `sort_name`) are computed
 * by Postgres and deliberately not mapped, so TypeORM never writes them.
 */
@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('text') kind: string;
  @Column('text') status: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('jsonb') images: ProductImage[];
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  /** Copy of the category's name, so searching "moedores" finds grinders. */
  @Column({ name: 'category_name', type: 'text' }) categoryName: string;
  @Column({ type: 'text', nullable: true }) brand: string | null;
  @Column('text', { array: true }) tags: string[];
  @Column({ name: 'origin_country', type: 'text', nullable: true }) originCountry: string | null;
  @Column({ name: 'origin_region', type: 'text', nullable: true }) originRegion: string | null;
  @Column({ type: 'text', nullable: true }) farm: string | null;
  @Column({ type: 'text', nullable: true }) producer: string | null;
  @Column({ name: 'altitude_min_m', type: 'int', nullable: true }) altitudeMinM: number | null;
  @Column({ name: 'altitude_max_m', type: 'int', nullable: true }) altitudeMaxM: number | null;
  @Column('text', { array: true }) varieties: string[];
  @Column({ type: 'text', nullable: true }) process: string | null;
  @Column({ name: 'roast_level', type: 'text', nullable: true }) roastLevel: string | null;
  @Column({ name: 'sca_score', type: 'numeric', precision: 4, scale: 2, nullable: true, transformer: numeric }) scaScore: number | null;
  @Column({ name: 'tasting_notes', type: 'text', array: true }) tastingNotes: string[];
  @Column({ name: 'min_price_cents', type: 'int' }) minPriceCents: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

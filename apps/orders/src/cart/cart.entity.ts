import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A shopping cart: one per signed-in user, or a guest cart known only by its id. */
@Entity({ name: 'carts' })
export class CartEntity {
  @PrimaryColumn('uuid') id: string;
  /** Null for a guest cart. */
  @Column({ name: 'user_id', type: 'text', nullable: true }) userId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A node of the category tree; `path` holds the slugs from the root (`cafes/especiais/etiopia`). */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column('text') slug: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('text') path: string;
  @Column('int') position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

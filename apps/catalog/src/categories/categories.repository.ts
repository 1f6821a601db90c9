import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import { CategoryEntity } from './category.entity';

/** A category as read: the tree is small, so it is always read whole. */
export interface CategoryRecord {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  description: string;
  path: string;
  position: number;
}

@Injectable()
export class CategoriesRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every category, parents before children. */
  async findAll(): Promise<CategoryRecord[]> {
    return this.tx.reader.query(
      `SELECT id, parent_id AS "parentId", slug, name, description, path, position
       FROM categories ORDER BY path`,
    );
  }

  /** Inserts or updates categories by id; parents must come before their children. */
  async upsert(categories: Array<Omit<CategoryEntity, 'createdAt' | 'updatedAt'>>): Promise<void> {
    if (categories.length === 0) return;
    await this.tx.manager.upsert(CategoryEntity, categories, ['id']);
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { CourseEntity } from './course.entity';

@Injectable()
export class CoursesRepository {
  constructor(private readonly tx: TransactionHost) {}

  findBySlug(slug: string): Promise<CourseEntity | null> {
    return this.tx.reader.findOne(CourseEntity, { where: { slug } });
  }

  /** One statement for a whole batch of product references. */
  findByProductIds(productIds: readonly string[]): Promise<CourseEntity[]> {
    return this.tx.reader.find(CourseEntity, { where: { productId: In([...productIds]) } });
  }

  /** Idempotent upsert by slug (seeds and admin imports). */
  async upsert(course: Omit<CourseEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await this.tx.manager.upsert(CourseEntity, course, ['slug']);
  }
}

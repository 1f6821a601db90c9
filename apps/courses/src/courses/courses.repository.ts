import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import type { SessionFormat } from '../sessions/session-format.enum';
import type { CourseLevel } from './course-level.enum';
import { CourseEntity } from './course.entity';

export interface CourseListCriteria {
  level?: CourseLevel | null;
  format?: SessionFormat | null;
  upcoming?: boolean | null;
}

export type NewCourse = Omit<CourseEntity, 'createdAt' | 'updatedAt' | 'archivedAt'>;
export type CoursePatch = Partial<Omit<CourseEntity, 'id' | 'createdAt' | 'updatedAt'>>;

@Injectable()
export class CoursesRepository {
  constructor(private readonly tx: TransactionHost) {}

  findBySlug(slug: string): Promise<CourseEntity | null> {
    return this.tx.reader.findOne(CourseEntity, { where: { slug } });
  }

  findById(id: string): Promise<CourseEntity | null> {
    return this.tx.manager.findOne(CourseEntity, { where: { id } });
  }

  /** One statement for a whole batch of ids. */
  findByIds(ids: readonly string[]): Promise<CourseEntity[]> {
    return this.tx.reader.find(CourseEntity, { where: { id: In([...ids]) } });
  }

  /** One statement for a whole batch of product references. */
  findByProductIds(productIds: readonly string[]): Promise<CourseEntity[]> {
    return this.tx.reader.find(CourseEntity, { where: { productId: In([...productIds]) } });
  }

  /** Offered (not archived) courses matching `criteria`, by slug, after the `after` slug. */
  async list(criteria: CourseListCriteria, after: string | undefined, limit: number): Promise<{ rows: CourseEntity[]; total: number }> {
    const query = this.tx.reader.createQueryBuilder(CourseEntity, 'c').where('c.archivedAt IS NULL');
    if (criteria.level) query.andWhere('c.level = :level', { level: criteria.level });
    if (criteria.format || criteria.upcoming) {
      const conditions = ['s.course_id = c.id', 's.archived_at IS NULL'];
      if (criteria.format) conditions.push('s.format = :format');
      if (criteria.upcoming) conditions.push('s.starts_at > now()');
      query.andWhere(`EXISTS (SELECT 1 FROM course_session s WHERE ${conditions.join(' AND ')})`, { format: criteria.format });
    }
    const total = await query.clone().getCount();
    if (after !== undefined) query.andWhere('c.slug > :after', { after });
    const rows = await query.orderBy('c.slug', 'ASC').limit(limit + 1).getMany();
    return { rows, total };
  }

  async insert(course: NewCourse): Promise<CourseEntity> {
    await this.tx.manager.insert(CourseEntity, course);
    return (await this.findById(course.id))!;
  }

  async update(id: string, patch: CoursePatch): Promise<CourseEntity | null> {
    if (Object.keys(patch).length > 0) await this.tx.manager.update(CourseEntity, { id }, patch);
    return this.findById(id);
  }

  /** Idempotent upsert by slug (seeds and admin imports). */
  async upsert(course: NewCourse): Promise<void> {
    await this.tx.manager.upsert(CourseEntity, course, ['slug']);
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from '@mestres/testing';

export interface StoredCourse {
  id: string;
  slug: string;
  title: string;
  level: string;
  productId: string | null;
  instructorId: string | null;
}

/** `await aCourse().taughtBy(instructorId).insert(db)` */
export function aCourse() {
  const course = {
    id: randomUUID(),
    slug: `curso-${uniqueSuffix()}`,
    title: 'Curso de Teste',
    description: 'Um curso para os testes.',
    level: 'BEGINNER',
    durationMinutes: 240,
    productId: randomUUID() as string | null,
    instructorId: null as string | null,
    archived: false,
  };
  const builder = {
    withSlug(slug: string) {
      course.slug = slug;
      return builder;
    },
    withTitle(title: string) {
      course.title = title;
      return builder;
    },
    withLevel(level: 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED') {
      course.level = level;
      return builder;
    },
    soldBy(productId: string | null) {
      course.productId = productId;
      return builder;
    },
    taughtBy(instructorId: string | null) {
      course.instructorId = instructorId;
      return builder;
    },
    archived() {
      course.archived = true;
      return builder;
    },
    async insert(db: DataSource): Promise<StoredCourse> {
      await db.query(
        `INSERT INTO course (id, slug, title, description, level, duration_minutes, product_id, instructor_id, archived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [course.id, course.slug, course.title, course.description, course.level, course.durationMinutes, course.productId, course.instructorId, course.archived ? new Date() : null],
      );
      return { id: course.id, slug: course.slug, title: course.title, level: course.level, productId: course.productId, instructorId: course.instructorId };
    },
  };
  return builder;
}

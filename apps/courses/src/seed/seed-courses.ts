import { DataSource } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { SessionFormat } from '../sessions/session-format.enum';
import { COURSES_ID_NAMESPACE, uuidV5 } from '../shared/stable-id';
import { DEMO_CLASSES, DEMO_COURSES, SCHOOL_ADDRESS } from './demo-courses';
import { demoSchedule } from './demo-schedule';
import { SeedCoursesRepository } from './seed-courses.repository';

export interface SeedCoursesOptions {
  /** The demo instructor's user id; null leaves courses without (or with their current) instructor. */
  instructorId: string | null;
  /** Classes are scheduled relative to this time. */
  now?: Date;
}

export interface SeedCoursesSummary {
  courses: number;
  lessons: number;
  /** Classes created, or moved forward because they had ended with nobody enrolled. */
  sessionsScheduled: number;
}

/**
 * Loads the demo courses, their classes (linked to the catalog's seat SKUs) and lessons in
 * one transaction. Idempotent: courses are upserted by slug, classes by seat SKU (existing
 * ones keep their dates and seats), lessons by their stable ids. Publishes no events: seeding
 * describes the initial state, nothing happened that subscribers must react to.
 */
export async function seedCourses(target: DataSource | TransactionHost, options: SeedCoursesOptions): Promise<SeedCoursesSummary> {
  const tx = target instanceof TransactionHost ? target : new TransactionHost(target);
  const seed = new SeedCoursesRepository(tx);
  const now = options.now ?? new Date();
  const summary: SeedCoursesSummary = { courses: 0, lessons: 0, sessionsScheduled: 0 };
  await tx.transaction(async () => {
    for (const course of DEMO_COURSES) {
      const courseId = await seed.upsertCourse({
        id: uuidV5(COURSES_ID_NAMESPACE, `course:${course.slug}`),
        slug: course.slug,
        title: course.title,
        description: course.description,
        level: course.level,
        durationMinutes: course.durationMinutes,
        productId: course.productId,
        instructorId: options.instructorId,
      });
      summary.courses += 1;
      for (const slot of DEMO_CLASSES) {
        const seatSku = `${course.skuStem}-${slot.code}`;
        const format = course.formats?.[slot.code] ?? SessionFormat.IN_PERSON;
        const scheduled = await seed.upsertSession({
          id: uuidV5(COURSES_ID_NAMESPACE, `session:${seatSku}`),
          courseId,
          seatSku,
          ...demoSchedule(slot.code, course.durationMinutes, now),
          format,
          location: format === SessionFormat.IN_PERSON ? SCHOOL_ADDRESS : null,
          capacity: course.capacity,
        });
        if (scheduled) summary.sessionsScheduled += 1;
      }
      for (const [index, lesson] of course.lessons.entries()) {
        await seed.upsertLesson({ id: uuidV5(COURSES_ID_NAMESPACE, `lesson:${course.slug}:${index + 1}`), courseId, position: index + 1, ...lesson });
        summary.lessons += 1;
      }
    }
  });
  return summary;
}

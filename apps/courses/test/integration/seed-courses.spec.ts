import { createTestDatabase, type TestDatabase } from '@mestres/testing';
import { coursesDatabase } from '../../src/database';
import { seedCourses } from '../../src/seed/seed-courses';
import { demoUserId } from '../../src/shared/stable-id';

describe(seedCourses.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(coursesDatabase());
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('loads the demo courses linked to the catalog seat products, idempotently, with upcoming classes', async () => {
    const instructorId = demoUserId('instrutor@mestres.cafe');
    const now = new Date();
    const first = await seedCourses(db.tx, { instructorId, now });
    const second = await seedCourses(db.tx, { instructorId, now });

    expect(first).toEqual({ courses: 4, lessons: 13, sessionsScheduled: 16 });
    expect(second).toEqual({ courses: 4, lessons: 13, sessionsScheduled: 0 });
    const courses = await db.sources.primary.query(`SELECT slug, product_id, instructor_id FROM course ORDER BY slug`);
    expect(courses).toHaveLength(4);
    expect(courses.find((course: { slug: string }) => course.slug === 'latte-art')).toEqual({
      slug: 'latte-art',
      product_id: 'a26eae89-a69d-5d68-bed2-945fbd3d4c3d',
      instructor_id: instructorId,
    });
    const [{ n, soonest }] = await db.sources.primary.query(`SELECT count(*)::int AS n, min(starts_at) AS soonest FROM course_session`);
    expect(n).toBe(16);
    expect(soonest.getTime()).toBeGreaterThan(now.getTime());
    expect(soonest.getTime() - now.getTime()).toBeLessThan(3 * 86_400_000);
    const skus = await db.sources.primary.query(`SELECT seat_sku FROM course_session WHERE seat_sku LIKE 'CUR-LATTE-ART-476B-%' ORDER BY seat_sku`);
    expect(skus.map((row: { seat_sku: string }) => row.seat_sku)).toEqual([
      'CUR-LATTE-ART-476B-2027-03-M',
      'CUR-LATTE-ART-476B-2027-03-N',
      'CUR-LATTE-ART-476B-2027-04-M',
      'CUR-LATTE-ART-476B-2027-05-S',
    ]);
  });

  it('moves a class that has ended with nobody enrolled to upcoming dates on the next run', async () => {
    await db.sources.primary.query(`UPDATE course_session SET starts_at = now() - interval '10 days', ends_at = now() - interval '9 days' WHERE seat_sku = 'CUR-BARISTA-BASICO-C0F1-2027-03-M'`);
    const summary = await seedCourses(db.tx, { instructorId: null });
    expect(summary.sessionsScheduled).toBe(1);
    const [{ starts_at: startsAt }] = await db.sources.primary.query(`SELECT starts_at FROM course_session WHERE seat_sku = 'CUR-BARISTA-BASICO-C0F1-2027-03-M'`);
    expect(startsAt.getTime()).toBeGreaterThan(Date.now());
    // No instructor given: the one already assigned stays.
    const [{ instructor_id: instructorId }] = await db.sources.primary.query(`SELECT instructor_id FROM course WHERE slug = 'barista-basico'`);
    expect(instructorId).toBe(demoUserId('instrutor@mestres.cafe'));
  });
});

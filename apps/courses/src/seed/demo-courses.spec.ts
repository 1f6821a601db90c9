import { uuidV5 } from '../shared/stable-id';
import { DEMO_CLASSES, DEMO_COURSES } from './demo-courses';
import { demoSchedule } from './demo-schedule';

/** The catalog seed's id namespace (apps/catalog/src/shared/stable-id.ts). */
const CATALOG_ID_NAMESPACE = '3c8f2b9e-6a51-4d0e-9f4a-2b7c1e5d8a60';

describe('demo courses', () => {
  it('link to the catalog seat products by the ids the catalog seed derives from their slugs', () => {
    for (const course of DEMO_COURSES) expect(course.productId).toBe(uuidV5(CATALOG_ID_NAMESPACE, `product:${course.productSlug}`));
  });

  it('have a class for every seat variant code and unique slugs', () => {
    expect(new Set(DEMO_COURSES.map((course) => course.slug)).size).toBe(DEMO_COURSES.length);
    expect(DEMO_CLASSES.map((slot) => slot.code)).toEqual(['2027-03-M', '2027-03-N', '2027-04-M', '2027-05-S']);
  });

  it('schedules the first class two days ahead, at 9:00 in São Paulo, and Saturday classes on a Saturday', () => {
    const now = new Date('2026-11-29T02:00:00Z'); // 28 November, 23:00 in São Paulo
    const first = demoSchedule('2027-03-M', 16 * 60, now);
    expect(first.startsAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(first.endsAt.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    const saturday = demoSchedule('2027-05-S', 6 * 60, now);
    expect(saturday.startsAt.getUTCDay()).toBe(6);
    expect(saturday.endsAt.getTime() - saturday.startsAt.getTime()).toBe(8 * 3_600_000);
  });
});

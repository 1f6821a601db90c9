// `npm run seed` runs this after the users and catalog seeds: the demo courses, their classes
// (sold by the catalog's seat SKUs) and lessons. Idempotent; refuses NODE_ENV=production.
import { loadConfigOrExit, z } from '@mestres/config';
import { createServiceDataSources, databaseSettingsFromConfig, initializeServiceDataSources } from '@mestres/database';
import { coursesConfigSchema } from '../config';
import { coursesDatabase } from '../database';
import { demoUserId } from '../shared/stable-id';
import { looksLike } from '../shared/validation';
import { DEMO_INSTRUCTOR_EMAIL } from './demo-courses';
import { seedCourses } from './seed-courses';

const seedConfigSchema = coursesConfigSchema.extend({
  /**
   * The demo instructor's user id. Default: the id the users seed gives instrutor@mestres.cafe
   * (UUIDv5 of its email, see shared/stable-id.ts).
   */
  SEED_INSTRUCTOR_ID: z.string().refine(looksLike.uuid, 'must be a UUID').optional(),
});

async function main(): Promise<void> {
  const config = loadConfigOrExit('courses-seed', seedConfigSchema);
  if (config.NODE_ENV === 'production') {
    console.error('courses seed: refusing to load demo data with NODE_ENV=production');
    process.exit(1);
  }
  const sources = createServiceDataSources(coursesDatabase(config.DATABASE_SCHEMA), {
    ...databaseSettingsFromConfig('courses-seed', config),
    readUrl: undefined,
    poolSize: 1,
  });
  await initializeServiceDataSources(sources);
  try {
    const instructorId = config.SEED_INSTRUCTOR_ID ?? demoUserId(DEMO_INSTRUCTOR_EMAIL);
    const summary = await seedCourses(sources.primary, { instructorId });
    console.log(
      `courses: ${summary.courses} courses, ${summary.lessons} lessons, ${summary.sessionsScheduled} classes scheduled (instructor ${instructorId})`,
    );
  } finally {
    await sources.primary.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`courses seed failed: ${(error as Error).message}`);
  process.exit(1);
});

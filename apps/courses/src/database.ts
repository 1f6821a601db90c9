import type { ServiceDatabaseDefinition } from '@mestres/database';
import { CourseEntity } from './courses/course.entity';
import { CreateCourse1764374400000 } from './migrations/1764374400000-CreateCourse';

/** The courses service's schema: its entities and migrations, in order. */
export function coursesDatabase(schema = 'courses'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [CourseEntity],
    migrations: [CreateCourse1764374400000],
  };
}

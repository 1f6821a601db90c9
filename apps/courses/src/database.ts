import type { ServiceDatabaseDefinition } from '@mestres/database';
import { messagingMigrations } from '@mestres/messaging';
import { CourseEntity } from './courses/course.entity';
import { EnrollmentEntity } from './enrollments/enrollment.entity';
import { LessonEntity } from './lessons/lesson.entity';
import { CreateCourse1764374400000 } from './migrations/1764374400000-CreateCourse';
import { CreateSessionsEnrollments1795917600000 } from './migrations/1795917600000-CreateSessionsEnrollments';
import { CertificateEntity } from './progress/certificate.entity';
import { LessonCompletionEntity } from './progress/lesson-completion.entity';
import { SessionEntity } from './sessions/session.entity';

/** The courses service's schema: its entities and migrations, in order. */
export function coursesDatabase(schema = 'courses'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [CourseEntity, SessionEntity, LessonEntity, EnrollmentEntity, LessonCompletionEntity, CertificateEntity],
    migrations: [CreateCourse1764374400000, ...messagingMigrations, CreateSessionsEnrollments1795917600000],
  };
}

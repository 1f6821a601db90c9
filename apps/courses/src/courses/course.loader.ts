import type DataLoader from 'dataloader';
import { requestLoader } from '@mestres/graphql';
import type { CourseEntity } from './course.entity';
import type { CoursesService } from './courses.service';

/** Per-request loader: every course looked up by id in one request costs one statement. */
export function courseLoader(context: object, courses: CoursesService): DataLoader<string, CourseEntity | null> {
  return requestLoader<string, CourseEntity | null>(context, 'courses.courseById', (ids) => courses.byIds(ids));
}

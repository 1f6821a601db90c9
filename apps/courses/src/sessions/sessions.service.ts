import { Injectable } from '@nestjs/common';
import { alignToKeys } from '@mestres/graphql';
import { looksLike } from '../shared/validation';
import type { SessionEntity } from './session.entity';
import { SessionsError } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

/** Reads of classes. Seat changes live with the enrollments (see SeatAllocator). */
@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionsRepository) {}

  /** The class, or null when unknown; BAD_USER_INPUT naming `field` for a malformed id. */
  async findById(id: string, field = 'id'): Promise<SessionEntity | null> {
    if (!looksLike.uuid(id)) throw SessionsError.invalid(field, 'must be a class id');
    return this.sessions.findById(id);
  }

  async requireById(id: string, field = 'id'): Promise<SessionEntity> {
    const session = await this.findById(id, field);
    if (!session) throw SessionsError.notFound(field);
    return session;
  }

  /** Classes by id, aligned to `ids`; one statement per batch. */
  async byIds(ids: readonly string[]): Promise<Array<SessionEntity | null>> {
    const rows = await this.sessions.findByIds(ids.filter(looksLike.uuid));
    return alignToKeys(ids, rows, (row) => row.id);
  }

  /** Offered classes per course, aligned to `courseIds`; one statement per batch. */
  async forCourses(courseIds: readonly string[], includePast: boolean): Promise<SessionEntity[][]> {
    const rows = await this.sessions.findByCourseIds(courseIds, includePast);
    const byCourse = new Map<string, SessionEntity[]>(courseIds.map((id) => [id, []]));
    for (const row of rows) byCourse.get(row.courseId)?.push(row);
    return courseIds.map((id) => byCourse.get(id)!);
  }

  /** Classes of the courses the instructor teaches; past ones only when asked. */
  forInstructor(instructorId: string, includePast: boolean): Promise<SessionEntity[]> {
    return this.sessions.findByInstructor(instructorId, includePast);
  }
}

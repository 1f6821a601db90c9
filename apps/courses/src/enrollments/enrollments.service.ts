import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, type CallerIdentity } from '@mestres/auth';
import type { CourseEntity } from '../courses/course.entity';
import { canTeach } from '../shared/access';
import { looksLike } from '../shared/validation';
import type { EnrollmentStatus } from './enrollment-status.enum';
import { EnrollmentsRepository, type EnrollmentRecord } from './enrollments.repository';

/** Reads of enrollments: a student's own, rosters for teachers. */
@Injectable()
export class EnrollmentsService {
  constructor(private readonly enrollments: EnrollmentsRepository) {}

  forStudent(userId: string, status?: EnrollmentStatus | null): Promise<EnrollmentRecord[]> {
    return this.enrollments.findByUserIds([userId], status);
  }

  /** Enrollments per student, aligned to `userIds`; one statement per batch. */
  async forStudents(userIds: readonly string[]): Promise<EnrollmentRecord[][]> {
    const valid = userIds.filter(looksLike.uuid);
    const rows = valid.length ? await this.enrollments.findByUserIds(valid) : [];
    return groupBy(userIds, rows, (row) => row.userId);
  }

  /** Confirmed students then the waitlist, per class, aligned to `sessionIds`; one statement per batch. */
  async rosters(sessionIds: readonly string[]): Promise<EnrollmentRecord[][]> {
    return groupBy(sessionIds, await this.enrollments.findRosters(sessionIds), (row) => row.sessionId);
  }

  /** Waiting enrollments per class, aligned to `sessionIds`. */
  async waitlistLengths(sessionIds: readonly string[]): Promise<number[]> {
    const counts = await this.enrollments.waitlistCounts(sessionIds);
    return sessionIds.map((id) => counts.get(id) ?? 0);
  }

  /** Of `courseIds`, which the student holds a confirmed seat in, aligned to the input. */
  async confirmedIn(userId: string, courseIds: readonly string[]): Promise<boolean[]> {
    const confirmed = await this.enrollments.confirmedCourseIds(userId, courseIds);
    return courseIds.map((id) => confirmed.has(id));
  }

  /** Rosters are for the course's instructor and admins; FORBIDDEN for anyone else signed in. */
  assertCanSeeRoster(caller: CallerIdentity | null, course: CourseEntity): void {
    if (!caller) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
    if (!canTeach(caller, course)) throw new AuthError(AuthErrorCode.FORBIDDEN);
  }
}

function groupBy<K, Row>(keys: readonly K[], rows: Row[], keyOf: (row: Row) => K): Row[][] {
  const groups = new Map<K, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, type CallerIdentity } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import type { CourseEntity } from '../courses/course.entity';
import { CoursesService } from '../courses/courses.service';
import { canTeach } from '../shared/access';
import { Clock } from '../shared/clock';
import { looksLike, textProblem } from '../shared/validation';
import type { CreateLessonInput, UpdateLessonInput } from './lesson.inputs';
import type { LessonEntity } from './lesson.entity';
import { LessonsError } from './lessons.errors';
import { LessonsRepository, type LessonPatch } from './lessons.repository';

/** Lessons of a course; written by admins and by the course's own instructor. */
@Injectable()
export class LessonsService {
  constructor(
    private readonly lessons: LessonsRepository,
    private readonly courses: CoursesService,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** The lesson or NOT_FOUND; BAD_USER_INPUT naming `field` for a malformed id. */
  async requireById(id: string, field: string): Promise<LessonEntity> {
    if (!looksLike.uuid(id)) throw LessonsError.invalid(field, 'must be a lesson id');
    const lesson = await this.lessons.findById(id);
    if (!lesson) throw LessonsError.notFound(field);
    return lesson;
  }

  /** Active lessons per course, in order, aligned to `courseIds`; one statement per batch. */
  async forCourses(courseIds: readonly string[]): Promise<LessonEntity[][]> {
    const rows = await this.lessons.findActiveByCourseIds(courseIds);
    const byCourse = new Map<string, LessonEntity[]>(courseIds.map((id) => [id, []]));
    for (const row of rows) byCourse.get(row.courseId)?.push(row);
    return courseIds.map((id) => byCourse.get(id)!);
  }

  activeIds(courseId: string): Promise<string[]> {
    return this.lessons.activeIds(courseId);
  }

  async create(caller: CallerIdentity, input: CreateLessonInput): Promise<LessonEntity> {
    const course = await this.courses.requireById(input.courseId, 'input.courseId');
    assertCanTeach(caller, course);
    assertLessonFields(input);
    return this.tx.transaction(async () =>
      this.lessons.insert({
        id: randomUUID(),
        courseId: course.id,
        position: input.position ?? (await this.lessons.nextPosition(course.id)),
        title: input.title.trim(),
        summary: (input.summary ?? '').trim(),
        content: input.content,
        durationMinutes: input.durationMinutes,
      }),
    );
  }

  async update(caller: CallerIdentity, id: string, input: UpdateLessonInput): Promise<LessonEntity> {
    const lesson = await this.requireById(id, 'id');
    assertCanTeach(caller, await this.courses.requireById(lesson.courseId));
    assertLessonFields(input);
    const patch: LessonPatch = {};
    if (input.title != null) patch.title = input.title.trim();
    if (input.summary != null) patch.summary = input.summary.trim();
    if (input.content != null) patch.content = input.content;
    if (input.durationMinutes != null) patch.durationMinutes = input.durationMinutes;
    if (input.position != null) patch.position = input.position;
    return this.lessons.update(id, patch);
  }

  /** Idempotent. Students who completed every other lesson are not issued a certificate retroactively. */
  async archive(caller: CallerIdentity, id: string): Promise<LessonEntity> {
    const lesson = await this.requireById(id, 'id');
    assertCanTeach(caller, await this.courses.requireById(lesson.courseId));
    if (lesson.archivedAt) return lesson;
    return this.lessons.update(id, { archivedAt: this.clock.now() });
  }
}

/** Other instructors get FORBIDDEN: the course itself is public, so nothing leaks. */
function assertCanTeach(caller: CallerIdentity, course: CourseEntity): void {
  if (!canTeach(caller, course)) throw new AuthError(AuthErrorCode.FORBIDDEN);
}

function assertLessonFields(input: Partial<CreateLessonInput> | UpdateLessonInput): void {
  const texts: Array<[string, string | null | undefined, number, boolean]> = [
    ['input.title', input.title, 120, false],
    ['input.summary', input.summary, 500, true],
    ['input.content', input.content, 100_000, false],
  ];
  for (const [field, value, max, allowEmpty] of texts) {
    const problem = value == null ? null : textProblem(value, { max, allowEmpty });
    if (problem) throw LessonsError.invalid(field, problem);
  }
  if (input.durationMinutes != null && (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > 1000)) {
    throw LessonsError.invalid('input.durationMinutes', 'must be between 1 and 1000');
  }
  if (input.position != null && (!Number.isInteger(input.position) || input.position < 1 || input.position > 1000)) {
    throw LessonsError.invalid('input.position', 'must be between 1 and 1000');
  }
}

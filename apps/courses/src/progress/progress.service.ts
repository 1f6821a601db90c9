import { Injectable } from '@nestjs/common';
import type { CallerIdentity } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import type { LessonEntity } from '../lessons/lesson.entity';
import { LessonsError } from '../lessons/lessons.errors';
import { LessonsService } from '../lessons/lessons.service';
import { Clock } from '../shared/clock';
import type { CertificateEntity } from './certificate.entity';
import { normalizeCertificateCode } from './certificate-codes';
import { CertificateIssuer } from './certificate-issuer.service';
import { ProgressError, ProgressErrorCode } from './progress.errors';
import { ProgressRepository, type StudentCourse } from './progress.repository';

export interface Completion {
  lesson: LessonEntity;
  completedLessonIds: string[];
  totalLessons: number;
  certificate: CertificateEntity | null;
}

/** Lesson progress and certificates. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly progress: ProgressRepository,
    private readonly lessons: LessonsService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly certificates: CertificateIssuer,
    private readonly clock: Clock,
  ) {}

  /**
   * Marks a lesson complete for a student with a confirmed seat in its course (FORBIDDEN
   * otherwise). Completing the last lesson issues the certificate and announces
   * `courses.course.completed.v1`, once. Idempotent.
   */
  async completeLesson(caller: CallerIdentity, lessonId: string): Promise<Completion> {
    const lesson = await this.lessons.requireById(lessonId, 'lessonId');
    if (lesson.archivedAt) throw LessonsError.notFound('lessonId');
    return this.tx.transaction(async () => {
      // The lock serialises one student's completions in a course, so two last lessons
      // finished at once still issue exactly one certificate.
      const enrollment = await this.enrollments.lockConfirmed(caller.userId, lesson.courseId);
      if (!enrollment) {
        throw new ProgressError(ProgressErrorCode.NOT_ENROLLED, 'lessonId: only students with a confirmed seat in the course can complete its lessons', {
          field: 'lessonId',
        });
      }
      await this.progress.insertCompletion(caller.userId, lesson.id, lesson.courseId, this.clock.now());
      const totalLessons = (await this.lessons.activeIds(lesson.courseId)).length;
      const completedLessonIds = (await this.progress.completedActiveLessons([{ userId: caller.userId, courseId: lesson.courseId }])).map(
        (row) => row.lessonId,
      );
      let certificate = await this.progress.findCertificate(caller.userId, lesson.courseId);
      if (!certificate && completedLessonIds.length === totalLessons) certificate = await this.certificates.issue(enrollment);
      return { lesson, completedLessonIds, totalLessons, certificate };
    });
  }

  /** The certificate with this code, or null. BAD_USER_INPUT when it cannot be a code. */
  async certificateByCode(code: string): Promise<CertificateEntity | null> {
    const normalized = normalizeCertificateCode(code);
    if (!normalized) throw ProgressError.invalid('code', 'a certificate code has 16 characters, letters A-Z and digits 2-7');
    return this.progress.findCertificateByCode(normalized);
  }

  /** Completed lesson ids and lesson totals per student and course, aligned to `pairs`. */
  async progressFor(pairs: readonly StudentCourse[]): Promise<Array<{ completedLessonIds: string[]; totalLessons: number }>> {
    const [rows, totals] = await Promise.all([
      this.progress.completedActiveLessons(pairs),
      this.progress.activeLessonCounts([...new Set(pairs.map((pair) => pair.courseId))]),
    ]);
    return pairs.map((pair) => ({
      completedLessonIds: rows.filter((row) => row.userId === pair.userId && row.courseId === pair.courseId).map((row) => row.lessonId),
      totalLessons: totals.get(pair.courseId) ?? 0,
    }));
  }

  /** Certificates per student and course, aligned to `pairs` (null when none). */
  async certificatesFor(pairs: readonly StudentCourse[]): Promise<Array<CertificateEntity | null>> {
    const rows = await this.progress.findCertificates(pairs);
    return pairs.map((pair) => rows.find((row) => row.userId === pair.userId && row.courseId === pair.courseId) ?? null);
  }
}

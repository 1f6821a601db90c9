import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mestres/messaging';
import { CoursesRepository } from '../courses/courses.repository';
import type { EnrollmentRecord } from '../enrollments/enrollments.repository';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Clock } from '../shared/clock';
import type { CertificateEntity } from './certificate.entity';
import { CertificateCodes } from './certificate-codes';
import { ProgressRepository } from './progress.repository';

/** Issues a course's certificate and announces the completion, in the caller's transaction. */
@Injectable()
export class CertificateIssuer {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly courses: CoursesRepository,
    private readonly sessions: SessionsRepository,
    private readonly codes: CertificateCodes,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async issue(enrollment: EnrollmentRecord): Promise<CertificateEntity> {
    const certificate = await this.progress.insertCertificate({
      code: this.codes.generate(),
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      enrollmentId: enrollment.id,
      issuedAt: this.clock.now(),
    });
    const course = (await this.courses.findById(enrollment.courseId))!;
    const session = (await this.sessions.findById(enrollment.sessionId))!;
    await this.events.publish('courses.course.completed.v1', {
      userId: enrollment.userId,
      courseId: course.id,
      courseSlug: course.slug,
      courseTitle: course.title,
      sessionId: session.id,
      sessionStartsAt: session.startsAt.toISOString(),
      certificateCode: certificate.code,
      issuedAt: certificate.issuedAt.toISOString(),
    });
    return certificate;
  }
}

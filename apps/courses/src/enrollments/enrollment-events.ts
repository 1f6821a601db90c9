import type { EnrollmentCancelledV1, EnrollmentConfirmedV1, EnrollmentWaitlistedV1, SessionRescheduledV1 } from '@mestres/contracts';
import type { CourseEntity } from '../courses/course.entity';
import type { SessionEntity } from '../sessions/session.entity';
import type { EnrollmentRecord } from './enrollments.repository';

type EnrollmentFacts = Omit<EnrollmentConfirmedV1, 'promotedFromWaitlist'>;

/** What every enrollment event says about the student, the course and the class. */
export function enrollmentFacts(enrollment: EnrollmentRecord, session: SessionEntity, course: CourseEntity): EnrollmentFacts {
  return {
    enrollmentId: enrollment.id,
    userId: enrollment.userId,
    orderId: enrollment.orderId,
    courseId: course.id,
    courseSlug: course.slug,
    courseTitle: course.title,
    sessionId: session.id,
    sessionStartsAt: session.startsAt.toISOString(),
    sessionEndsAt: session.endsAt.toISOString(),
    format: session.format as EnrollmentFacts['format'],
    location: session.location,
    seats: enrollment.seats,
  };
}

export function enrollmentConfirmed(facts: EnrollmentFacts, promotedFromWaitlist: boolean): EnrollmentConfirmedV1 {
  return { ...facts, promotedFromWaitlist };
}

export function enrollmentWaitlisted(facts: EnrollmentFacts, waitlistPosition: number): EnrollmentWaitlistedV1 {
  return { ...facts, waitlistPosition };
}

export function enrollmentCancelled(
  facts: EnrollmentFacts,
  previousStatus: EnrollmentCancelledV1['previousStatus'],
  reason: EnrollmentCancelledV1['reason'],
): EnrollmentCancelledV1 {
  return { ...facts, previousStatus, reason };
}

export function sessionRescheduled(session: SessionEntity, course: CourseEntity, previousStartsAt: Date): SessionRescheduledV1 {
  return {
    sessionId: session.id,
    courseId: course.id,
    courseSlug: course.slug,
    courseTitle: course.title,
    previousStartsAt: previousStartsAt.toISOString(),
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    format: session.format as SessionRescheduledV1['format'],
    location: session.location,
  };
}

import { randomUUID } from 'node:crypto';
import type { EnrollmentCancelledV1, EnrollmentConfirmedV1, EnrollmentWaitlistedV1 } from '@mestres/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `anEnrollment().forUser(userId).startingIn(3 * DAY).confirmed()` */
export function anEnrollment() {
  const startsAt = new Date(Date.now() + 7 * DAY_MS);
  const facts: Omit<EnrollmentConfirmedV1, 'promotedFromWaitlist'> = {
    enrollmentId: randomUUID(),
    userId: randomUUID(),
    orderId: randomUUID(),
    courseId: randomUUID(),
    courseSlug: 'barista-basico',
    courseTitle: 'Barista Básico',
    sessionId: randomUUID(),
    sessionStartsAt: startsAt.toISOString(),
    sessionEndsAt: new Date(startsAt.getTime() + 4 * 60 * 60 * 1000).toISOString(),
    format: 'IN_PERSON',
    location: 'Rua dos Torrefadores, 100 - São Paulo',
    seats: 1,
  };
  const builder = {
    forUser(userId: string) {
      facts.userId = userId;
      return builder;
    },
    inSession(sessionId: string) {
      facts.sessionId = sessionId;
      return builder;
    },
    titled(courseTitle: string) {
      facts.courseTitle = courseTitle;
      return builder;
    },
    startingIn(ms: number) {
      const start = new Date(Date.now() + ms);
      facts.sessionStartsAt = start.toISOString();
      facts.sessionEndsAt = new Date(start.getTime() + 4 * 60 * 60 * 1000).toISOString();
      return builder;
    },
    confirmed: (): EnrollmentConfirmedV1 => ({ ...facts, promotedFromWaitlist: false }),
    waitlisted: (position = 1): EnrollmentWaitlistedV1 => ({ ...facts, waitlistPosition: position }),
    cancelled: (reason: EnrollmentCancelledV1['reason'] = 'ORDER_REFUNDED'): EnrollmentCancelledV1 => ({
      ...facts,
      previousStatus: 'CONFIRMED',
      reason,
    }),
  };
  return builder;
}

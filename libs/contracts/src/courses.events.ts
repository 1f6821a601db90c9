import { z } from 'zod';

/** Where a class happens. */
export const SessionFormat = z.enum(['IN_PERSON', 'ONLINE']);

/**
 * What every enrollment event carries, so subscribers (emails, reminders, reports) never
 * have to look anything up: who, which course and class, and when the class starts.
 */
const EnrollmentFacts = z.object({
  enrollmentId: z.string().min(1),
  userId: z.string().min(1).describe('The student (users context id)'),
  orderId: z.string().min(1).describe('The order that bought the seat'),
  courseId: z.string().min(1),
  courseSlug: z.string().min(1),
  courseTitle: z.string().min(1).describe('Course title in Portuguese, ready for an email subject'),
  sessionId: z.string().min(1),
  sessionStartsAt: z.iso.datetime({ offset: true }).describe('Start of the class'),
  sessionEndsAt: z.iso.datetime({ offset: true }).describe('End of the class'),
  format: SessionFormat,
  location: z.string().nullable().describe('Address of an in-person class; null for online classes'),
  seats: z.number().int().positive().describe('Seats this enrollment holds (the order line quantity)'),
});

export const EnrollmentConfirmedV1 = EnrollmentFacts.extend({
  promotedFromWaitlist: z.boolean().describe('True when a freed seat went to this waitlisted student'),
}).meta({
  title: 'EnrollmentConfirmedV1',
  description: 'A student has a seat in a class: straight after payment, or promoted from the waitlist.',
});
export type EnrollmentConfirmedV1 = z.infer<typeof EnrollmentConfirmedV1>;

export const EnrollmentWaitlistedV1 = EnrollmentFacts.extend({
  waitlistPosition: z.number().int().positive().describe('1 = next in line when a seat frees up'),
}).meta({
  title: 'EnrollmentWaitlistedV1',
  description: 'A paid seat did not fit in a full class; the student waits in line for a freed seat.',
});
export type EnrollmentWaitlistedV1 = z.infer<typeof EnrollmentWaitlistedV1>;

/** Why an enrollment ended. */
export const EnrollmentCancellationReason = z.enum(['ORDER_CANCELLED', 'ORDER_REFUNDED']);

export const EnrollmentCancelledV1 = EnrollmentFacts.extend({
  previousStatus: z.enum(['CONFIRMED', 'WAITLISTED']),
  reason: EnrollmentCancellationReason,
}).meta({
  title: 'EnrollmentCancelledV1',
  description: 'An enrollment was cancelled (its order was cancelled or refunded); a confirmed seat was freed.',
});
export type EnrollmentCancelledV1 = z.infer<typeof EnrollmentCancelledV1>;

export const CourseCompletedV1 = z
  .object({
    userId: z.string().min(1),
    courseId: z.string().min(1),
    courseSlug: z.string().min(1),
    courseTitle: z.string().min(1),
    sessionId: z.string().min(1).describe('The class the student was enrolled in'),
    sessionStartsAt: z.iso.datetime({ offset: true }),
    certificateCode: z.string().min(1).describe('Public verification code of the certificate'),
    issuedAt: z.iso.datetime({ offset: true }),
  })
  .meta({
    title: 'CourseCompletedV1',
    description: 'A student completed every lesson of a course and was issued a certificate.',
  });
export type CourseCompletedV1 = z.infer<typeof CourseCompletedV1>;

export const SessionRescheduledV1 = z
  .object({
    sessionId: z.string().min(1),
    courseId: z.string().min(1),
    courseSlug: z.string().min(1),
    courseTitle: z.string().min(1),
    previousStartsAt: z.iso.datetime({ offset: true }),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    format: SessionFormat,
    location: z.string().nullable(),
  })
  .meta({
    title: 'SessionRescheduledV1',
    description: 'A class moved to another time; reminders scheduled for the old time are stale.',
  });
export type SessionRescheduledV1 = z.infer<typeof SessionRescheduledV1>;

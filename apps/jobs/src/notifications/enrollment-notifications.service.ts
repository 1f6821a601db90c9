import { Inject, Injectable } from '@nestjs/common';
import type {
  CourseCompletedV1,
  EnrollmentCancelledV1,
  EnrollmentConfirmedV1,
  EnrollmentWaitlistedV1,
  EventEnvelope,
  SessionRescheduledV1,
} from '@mestres/contracts';
import { jobIdFor } from '../queues/job-catalog';
import { JobName } from '../queues/job-name.enum';
import type { EnrollmentEmailPayload } from '../queues/job-payloads';
import { JobQueues } from '../queues/job-queues';
import { Clock } from '../shared/clock';
import { EnrollmentActivityRepository } from './enrollment-activity.repository';

export interface ReminderSettings {
  /** Reminders go out this long before a session starts. */
  leadMs: number;
}

export const REMINDER_SETTINGS = Symbol('REMINDER_SETTINGS');

/** What a handler needs from the event envelope: its id (job ids) and time (projections). */
export type EventMeta = Pick<EventEnvelope, 'eventId' | 'occurredAt'>;

type EnrollmentFacts = Omit<EnrollmentConfirmedV1, 'promotedFromWaitlist'>;

export function toEnrollmentEmail(facts: EnrollmentFacts): EnrollmentEmailPayload {
  return {
    userId: facts.userId,
    enrollmentId: facts.enrollmentId,
    courseTitle: facts.courseTitle,
    courseSlug: facts.courseSlug,
    sessionId: facts.sessionId,
    sessionStartsAt: facts.sessionStartsAt,
    sessionEndsAt: facts.sessionEndsAt,
    format: facts.format,
    location: facts.location,
  };
}

/**
 * Turns enrollment events into jobs: e-mails keyed by event id (a redelivered event finds
 * its job), and one class reminder per enrollment keyed by enrollment id, delayed until
 * shortly before the class, removed when the enrollment is cancelled and moved when the
 * class is. Also keeps the enrollment projection the reminder and the report read.
 */
@Injectable()
export class EnrollmentNotificationsService {
  constructor(
    private readonly queues: JobQueues,
    private readonly enrollments: EnrollmentActivityRepository,
    private readonly clock: Clock,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {}

  async onConfirmed(event: EnrollmentConfirmedV1, envelope: EventMeta): Promise<void> {
    await this.enrollments.recordStatus(this.activity(event, 'CONFIRMED'), envelope.occurredAt);
    const email = toEnrollmentEmail(event);
    await this.queues.add(JobName.ENROLLMENT_CONFIRMATION_EMAIL, email, {
      jobId: jobIdFor(JobName.ENROLLMENT_CONFIRMATION_EMAIL, envelope.eventId),
    });
    await this.scheduleReminder(email);
  }

  async onWaitlisted(event: EnrollmentWaitlistedV1, envelope: EventMeta): Promise<void> {
    await this.enrollments.recordStatus(this.activity(event, 'WAITLISTED'), envelope.occurredAt);
    await this.queues.add(
      JobName.WAITLIST_EMAIL,
      { ...toEnrollmentEmail(event), waitlistPosition: event.waitlistPosition },
      { jobId: jobIdFor(JobName.WAITLIST_EMAIL, envelope.eventId) },
    );
  }

  async onCancelled(event: EnrollmentCancelledV1, envelope: EventMeta): Promise<void> {
    await this.enrollments.recordStatus(this.activity(event, 'CANCELLED'), envelope.occurredAt);
    await this.queues.remove(JobName.CLASS_REMINDER_EMAIL, reminderJobId(event.enrollmentId));
    await this.queues.add(
      JobName.ENROLLMENT_CANCELLED_EMAIL,
      { ...toEnrollmentEmail(event), reason: event.reason },
      { jobId: jobIdFor(JobName.ENROLLMENT_CANCELLED_EMAIL, envelope.eventId) },
    );
  }

  async onCourseCompleted(event: CourseCompletedV1, envelope: EventMeta): Promise<void> {
    await this.enrollments.recordCompletion(event.userId, event.courseId, event.issuedAt);
    await this.queues.add(
      JobName.COURSE_COMPLETED_EMAIL,
      { userId: event.userId, courseTitle: event.courseTitle, courseSlug: event.courseSlug, certificateCode: event.certificateCode },
      { jobId: jobIdFor(JobName.COURSE_COMPLETED_EMAIL, envelope.eventId) },
    );
  }

  /** The old reminders are stale: each confirmed student gets one for the new time. */
  async onSessionRescheduled(event: SessionRescheduledV1): Promise<void> {
    const confirmed = await this.enrollments.rescheduleSession(event.sessionId, event.startsAt);
    for (const enrollment of confirmed) {
      await this.queues.remove(JobName.CLASS_REMINDER_EMAIL, reminderJobId(enrollment.enrollmentId));
      await this.scheduleReminder({
        userId: enrollment.userId,
        enrollmentId: enrollment.enrollmentId,
        courseTitle: event.courseTitle,
        courseSlug: event.courseSlug,
        sessionId: event.sessionId,
        sessionStartsAt: event.startsAt,
        sessionEndsAt: event.endsAt,
        format: event.format,
        location: event.location,
      });
    }
  }

  /** Delayed until `lead` before the class; right away when the class is sooner; none once it started. */
  private async scheduleReminder(email: EnrollmentEmailPayload): Promise<void> {
    const now = this.clock.now().getTime();
    const startsAt = new Date(email.sessionStartsAt).getTime();
    if (startsAt <= now) return;
    await this.queues.add(JobName.CLASS_REMINDER_EMAIL, email, {
      jobId: reminderJobId(email.enrollmentId),
      delayMs: Math.max(0, startsAt - this.settings.leadMs - now),
    });
  }

  private activity(facts: EnrollmentFacts, status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED') {
    return {
      enrollmentId: facts.enrollmentId,
      userId: facts.userId,
      courseId: facts.courseId,
      sessionId: facts.sessionId,
      status,
      sessionStartsAt: new Date(facts.sessionStartsAt),
    };
  }
}

/** One reminder per enrollment: confirming twice finds the same job, cancelling removes it. */
export function reminderJobId(enrollmentId: string): string {
  return jobIdFor(JobName.CLASS_REMINDER_EMAIL, enrollmentId);
}

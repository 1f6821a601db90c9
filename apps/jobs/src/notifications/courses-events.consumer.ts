import { Injectable } from '@nestjs/common';
import type {
  CourseCompletedV1,
  EnrollmentCancelledV1,
  EnrollmentConfirmedV1,
  EnrollmentWaitlistedV1,
  EventEnvelope,
  SessionRescheduledV1,
} from '@mestres/contracts';
import { OnEvent } from '@mestres/messaging';
import { EnrollmentNotificationsService } from './enrollment-notifications.service';

const consumer = 'jobs-courses';

/**
 * One durable consumer for the courses stream, so a confirmation, its cancellation and a
 * reschedule are applied in the order they happened. Each event is handled once (inbox).
 */
@Injectable()
export class CoursesEventsConsumer {
  constructor(private readonly notifications: EnrollmentNotificationsService) {}

  @OnEvent('courses.enrollment.confirmed.v1', { consumer })
  onConfirmed(event: EnrollmentConfirmedV1, envelope: EventEnvelope<'courses.enrollment.confirmed.v1'>) {
    return this.notifications.onConfirmed(event, envelope);
  }

  @OnEvent('courses.enrollment.waitlisted.v1', { consumer })
  onWaitlisted(event: EnrollmentWaitlistedV1, envelope: EventEnvelope<'courses.enrollment.waitlisted.v1'>) {
    return this.notifications.onWaitlisted(event, envelope);
  }

  @OnEvent('courses.enrollment.cancelled.v1', { consumer })
  onCancelled(event: EnrollmentCancelledV1, envelope: EventEnvelope<'courses.enrollment.cancelled.v1'>) {
    return this.notifications.onCancelled(event, envelope);
  }

  @OnEvent('courses.course.completed.v1', { consumer })
  onCourseCompleted(event: CourseCompletedV1, envelope: EventEnvelope<'courses.course.completed.v1'>) {
    return this.notifications.onCourseCompleted(event, envelope);
  }

  @OnEvent('courses.session.rescheduled.v1', { consumer })
  onSessionRescheduled(event: SessionRescheduledV1) {
    return this.notifications.onSessionRescheduled(event);
  }
}

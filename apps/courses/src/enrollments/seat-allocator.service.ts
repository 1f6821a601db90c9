import { Injectable, Logger } from '@nestjs/common';
import type { EnrollmentCancelledV1, OrderLineSnapshot } from '@mestres/contracts';
import { TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import type { CourseEntity } from '../courses/course.entity';
import { CoursesRepository } from '../courses/courses.repository';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Clock } from '../shared/clock';
import { looksLike } from '../shared/validation';
import { enrollmentCancelled, enrollmentConfirmed, enrollmentFacts, enrollmentWaitlisted } from './enrollment-events';
import { EnrollmentStatus } from './enrollment-status.enum';
import { EnrollmentsError, EnrollmentsErrorCode } from './enrollments.errors';
import { EnrollmentsRepository, type EnrollmentRecord } from './enrollments.repository';
import { fits, promotions } from './seat-rules';

export interface PaidOrder {
  orderId: string;
  userId: string;
  lines: ReadonlyArray<Pick<OrderLineSnapshot, 'sku' | 'kind' | 'quantity'>>;
}

export type CancellationReason = EnrollmentCancelledV1['reason'];

/**
 * Gives out the seats of classes. Every decision runs with the class row locked
 * (`SELECT ... FOR UPDATE`), so concurrent payments, cancellations and capacity changes of
 * one class are serialised and `seats_taken` never exceeds the capacity. Classes are always
 * locked in id order, so two orders spanning the same classes cannot deadlock.
 */
@Injectable()
export class SeatAllocator {
  private readonly logger = new Logger(SeatAllocator.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionsRepository,
    private readonly enrollments: EnrollmentsRepository,
    private readonly courses: CoursesRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /**
   * Enrolls the buyer of a paid order in the class of each course-seat line: confirmed when it
   * fits, waitlisted otherwise. Idempotent per order line (a repeat returns what exists and
   * publishes nothing). A seat SKU without a class fails the whole order, to be retried.
   */
  async enrollPaidOrder(order: PaidOrder): Promise<EnrollmentRecord[]> {
    const seatsBySku = new Map<string, number>();
    for (const line of order.lines) {
      if (line.kind === 'COURSE_SEAT') seatsBySku.set(line.sku, (seatsBySku.get(line.sku) ?? 0) + line.quantity);
    }
    if (seatsBySku.size === 0) return [];
    if (!looksLike.uuid(order.userId)) {
      throw new EnrollmentsError(EnrollmentsErrorCode.INVALID_STUDENT, `order ${order.orderId}: buyer ${order.userId} is not a user id`);
    }
    return this.tx.transaction(async () => {
      await this.enrollments.lockOrder(order.orderId);
      if (await this.enrollments.isOrderCancelled(order.orderId)) {
        this.logger.warn(`order ${order.orderId} was paid after it was cancelled; no seats given`);
        return [];
      }
      const sessions = await this.sessions.lockBySeatSkus([...seatsBySku.keys()]);
      const unknown = [...seatsBySku.keys()].filter((sku) => !sessions.some((session) => session.seatSku === sku));
      if (unknown.length) {
        throw new EnrollmentsError(EnrollmentsErrorCode.UNKNOWN_SEAT_SKU, `order ${order.orderId}: no class sells ${unknown.join(', ')}`, { skus: unknown });
      }
      const enrolled: EnrollmentRecord[] = [];
      for (const session of sessions) enrolled.push(await this.enrollLine(order, session, seatsBySku.get(session.seatSku)!));
      return enrolled;
    });
  }

  /**
   * Cancels the enrollments of an order (cancelled or fully refunded), frees their seats and
   * hands them to the waitlist. Idempotent: cancelled enrollments are left alone.
   */
  async cancelOrder(orderId: string, reason: CancellationReason): Promise<EnrollmentRecord[]> {
    return this.tx.transaction(async () => {
      await this.enrollments.lockOrder(orderId);
      await this.enrollments.markOrderCancelled(orderId, reason, this.clock.now());
      const active = await this.enrollments.findActiveByOrder(orderId);
      const sessionIds = [...new Set(active.map((enrollment) => enrollment.sessionId))].sort();
      const cancelled: EnrollmentRecord[] = [];
      for (const sessionId of sessionIds) {
        const session = (await this.sessions.lockById(sessionId))!;
        const course = await this.requireCourse(session.courseId);
        let seatsTaken = session.seatsTaken;
        for (const { id } of active.filter((enrollment) => enrollment.sessionId === sessionId)) {
          // Re-read under the lock: a concurrent cancellation may have got here first.
          const enrollment = (await this.enrollments.findById(id))!;
          if (enrollment.status === EnrollmentStatus.CANCELLED) continue;
          await this.enrollments.cancel(enrollment.id, this.clock.now(), reason);
          if (enrollment.status === EnrollmentStatus.CONFIRMED) seatsTaken -= enrollment.seats;
          await this.events.publish(
            'courses.enrollment.cancelled.v1',
            enrollmentCancelled(enrollmentFacts(enrollment, session, course), enrollment.status, reason),
          );
          cancelled.push((await this.enrollments.findById(id))!);
        }
        await this.promoteWaitlist({ ...session, seatsTaken }, course);
      }
      return cancelled;
    });
  }

  /**
   * Gives the free seats of a locked class to its waitlist, in arrival order, and stores the
   * new seat count. Call inside a transaction holding the class lock.
   */
  async promoteWaitlist(session: SessionEntity, course: CourseEntity): Promise<EnrollmentRecord[]> {
    const promoted = promotions(session.capacity, session.seatsTaken, await this.enrollments.findWaitlisted(session.id));
    const seatsTaken = session.seatsTaken + promoted.reduce((sum, enrollment) => sum + enrollment.seats, 0);
    await this.sessions.setSeatsTaken(session.id, seatsTaken);
    for (const enrollment of promoted) {
      await this.enrollments.confirm(enrollment.id, this.clock.now());
      await this.events.publish('courses.enrollment.confirmed.v1', enrollmentConfirmed(enrollmentFacts(enrollment, session, course), true));
      this.logger.log(`enrollment ${enrollment.id} promoted from the waitlist of class ${session.id}`);
    }
    return promoted;
  }

  /** Enrolls one order line in its class, which the caller has locked. */
  private async enrollLine(order: PaidOrder, session: SessionEntity, seats: number): Promise<EnrollmentRecord> {
    const confirmed = fits(session.capacity, session.seatsTaken, seats);
    const enrollment = await this.enrollments.insert({
      sessionId: session.id,
      courseId: session.courseId,
      userId: order.userId,
      orderId: order.orderId,
      seatSku: session.seatSku,
      seats,
      status: confirmed ? EnrollmentStatus.CONFIRMED : EnrollmentStatus.WAITLISTED,
      at: this.clock.now(),
    });
    // Already enrolled by an earlier announcement of this order: nothing changes.
    if (!enrollment) return (await this.enrollments.findByOrderLine(order.orderId, session.seatSku))!;
    const facts = enrollmentFacts(enrollment, session, await this.requireCourse(session.courseId));
    if (confirmed) {
      await this.sessions.setSeatsTaken(session.id, session.seatsTaken + seats);
      await this.events.publish('courses.enrollment.confirmed.v1', enrollmentConfirmed(facts, false));
    } else {
      await this.events.publish('courses.enrollment.waitlisted.v1', enrollmentWaitlisted(facts, enrollment.waitlistPosition!));
    }
    return enrollment;
  }

  private async requireCourse(courseId: string): Promise<CourseEntity> {
    const course = await this.courses.findById(courseId);
    if (!course) throw new Error(`course ${courseId} of a class is missing`);
    return course;
  }
}

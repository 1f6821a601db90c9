import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, TransactionHost } from '@mestres/database';
import { EventPublisher } from '@mestres/messaging';
import { CoursesService } from '../courses/courses.service';
import { SessionFormat } from '../sessions/session-format.enum';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsError, SessionsErrorCode } from '../sessions/sessions.errors';
import { SessionsRepository, type SessionPatch } from '../sessions/sessions.repository';
import { Clock } from '../shared/clock';
import { looksLike, textProblem } from '../shared/validation';
import { sessionRescheduled } from './enrollment-events';
import { EnrollmentsRepository } from './enrollments.repository';
import { SeatAllocator } from './seat-allocator.service';
import type { CreateSessionInput, UpdateSessionInput } from './session.inputs';

/**
 * Class administration. It lives with the enrollments because capacity and archiving are
 * seat decisions: they run under the class lock, and more seats go to the waitlist at once.
 */
@Injectable()
export class SessionAdminService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionsRepository,
    private readonly courses: CoursesService,
    private readonly enrollments: EnrollmentsRepository,
    private readonly seats: SeatAllocator,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateSessionInput): Promise<SessionEntity> {
    const course = await this.courses.requireById(input.courseId, 'input.courseId');
    if (!looksLike.sku(input.seatSku)) throw SessionsError.invalid('input.seatSku', 'must be a catalog SKU (upper-case letters, digits and hyphens)');
    const location = normalisedLocation(input.location);
    assertSchedule(input.format, location, input.startsAt, input.endsAt);
    assertCapacity(input.capacity);
    try {
      return await this.tx.transaction(() =>
        this.sessions.insert({
          id: randomUUID(),
          courseId: course.id,
          seatSku: input.seatSku,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          format: input.format,
          location,
          capacity: input.capacity,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'course_session_seat_sku_key')) {
        throw new SessionsError(SessionsErrorCode.SEAT_SKU_TAKEN, 'input.seatSku: another class is sold by this SKU', { field: 'input.seatSku' });
      }
      throw error;
    }
  }

  async update(id: string, input: UpdateSessionInput): Promise<SessionEntity> {
    await this.requireSession(id);
    if (input.capacity != null) assertCapacity(input.capacity);
    return this.tx.transaction(async () => {
      const session = (await this.sessions.lockById(id))!;
      const format = input.format ?? (session.format as SessionFormat);
      const location = input.location !== undefined ? normalisedLocation(input.location) : format === SessionFormat.ONLINE ? null : session.location;
      const startsAt = input.startsAt ?? session.startsAt;
      const endsAt = input.endsAt ?? session.endsAt;
      assertSchedule(format, location, startsAt, endsAt);
      if (input.capacity != null && input.capacity < session.seatsTaken) {
        throw new SessionsError(SessionsErrorCode.CAPACITY_BELOW_SEATS_TAKEN, `input.capacity: ${session.seatsTaken} seats are taken`, {
          field: 'input.capacity',
          seatsTaken: session.seatsTaken,
        });
      }
      const patch: SessionPatch = { format, location, startsAt, endsAt };
      if (input.capacity != null) patch.capacity = input.capacity;
      const updated = await this.sessions.update(id, patch);
      const course = await this.courses.requireById(updated.courseId);
      if (updated.capacity > session.capacity) await this.seats.promoteWaitlist(updated, course);
      if (updated.startsAt.getTime() !== session.startsAt.getTime()) {
        await this.events.publish('courses.session.rescheduled.v1', sessionRescheduled(updated, course, session.startsAt));
      }
      return (await this.sessions.lockById(id))!;
    });
  }

  private async requireSession(id: string): Promise<void> {
    if (!looksLike.uuid(id)) throw SessionsError.invalid('id', 'must be a class id');
    if (!(await this.sessions.findById(id))) throw SessionsError.notFound('id');
  }

  /** Withdraws a class nobody holds a seat or a place in line for. Idempotent. */
  async archive(id: string): Promise<SessionEntity> {
    await this.requireSession(id);
    return this.tx.transaction(async () => {
      const session = (await this.sessions.lockById(id))!;
      if (session.archivedAt) return session;
      const active = await this.enrollments.countActive(id);
      if (active > 0) {
        throw new SessionsError(
          SessionsErrorCode.SESSION_HAS_ENROLLMENTS,
          `id: ${active} students are enrolled or waiting; cancel or refund their orders first`,
          { field: 'id', activeEnrollments: active },
        );
      }
      return this.sessions.update(id, { archivedAt: this.clock.now() });
    });
  }
}

function normalisedLocation(location: string | null | undefined): string | null {
  if (location == null) return null;
  const problem = textProblem(location, { max: 300 });
  if (problem) throw SessionsError.invalid('input.location', problem);
  return location.trim();
}

function assertSchedule(format: SessionFormat, location: string | null, startsAt: Date, endsAt: Date): void {
  if (format === SessionFormat.IN_PERSON && location === null) throw SessionsError.invalid('input.location', 'in-person classes need an address');
  if (format === SessionFormat.ONLINE && location !== null) throw SessionsError.invalid('input.location', 'online classes have no address');
  if (Number.isNaN(startsAt.getTime())) throw SessionsError.invalid('input.startsAt', 'must be a date-time');
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) throw SessionsError.invalid('input.endsAt', 'must be after startsAt');
}

function assertCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) throw SessionsError.invalid('input.capacity', 'must be between 1 and 1000');
}

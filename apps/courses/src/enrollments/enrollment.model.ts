import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EnrollmentStatus } from './enrollment-status.enum';
import type { EnrollmentRecord } from './enrollments.repository';

@ObjectType('Enrollment', { description: 'A student’s seat, or place in line, in a class; created when the order buying it is paid. Private.' })
export class EnrollmentModel {
  @Field(() => ID, { description: 'Stable enrollment id.' })
  id: string;

  @Field(() => EnrollmentStatus, { description: 'Confirmed, waitlisted or cancelled.' })
  status: EnrollmentStatus;

  @Field(() => Int, { description: 'Seats held (the quantity bought).' })
  seats: number;

  @Field(() => Int, { nullable: true, description: 'Place in the waitlist, 1 = next to get a seat; null unless WAITLISTED.' })
  waitlistPosition: number | null;

  @Field(() => ID, { description: 'The order that bought the seat (orders service id).' })
  orderId: string;

  @Field({ description: 'When the paid order was turned into this enrollment.' })
  enrolledAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the seat was confirmed (straight away, or on promotion from the waitlist).' })
  confirmedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the enrollment was cancelled.' })
  cancelledAt: Date | null;

  userId: string;
  courseId: string;
  sessionId: string;
}

export function toEnrollmentModel(record: EnrollmentRecord): EnrollmentModel {
  return {
    id: record.id,
    status: record.status,
    seats: record.seats,
    waitlistPosition: record.waitlistPosition,
    orderId: record.orderId,
    enrolledAt: record.createdAt,
    confirmedAt: record.confirmedAt,
    cancelledAt: record.cancelledAt,
    userId: record.userId,
    courseId: record.courseId,
    sessionId: record.sessionId,
  };
}

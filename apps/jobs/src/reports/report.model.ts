import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@mestres/graphql';
import type { ReportEntity } from './report.entity';

@ObjectType({ description: 'Sales figures of one day, from the orders events.' })
export class SalesFigures {
  @Field({ description: 'Currency of the amounts (ISO 4217).' })
  currency: string;

  @Field(() => Int, { description: 'Orders placed that day.' })
  ordersPlaced: number;

  @Field(() => Int, { description: 'Orders paid that day.' })
  ordersPaid: number;

  @Field(() => Int, { description: 'Total of the orders paid that day, in cents.' })
  revenueCents: number;

  @Field(() => Int, { description: 'Orders shipped that day.' })
  ordersShipped: number;

  @Field(() => Int, { description: 'Orders cancelled that day.' })
  ordersCancelled: number;

  @Field(() => Int, { description: 'Orders with a refund (full or partial) that day.' })
  ordersRefunded: number;

  @Field(() => Int, { description: 'Amount refunded that day, in cents (refund events; a cancellation refund counts when the orders service reports it as a refund).' })
  refundedCents: number;
}

@ObjectType({ description: 'Enrollment figures of one day, from the courses events.' })
export class EnrollmentFigures {
  @Field(() => Int, { description: 'Seats confirmed that day (after payment or from the waitlist).' })
  confirmed: number;

  @Field(() => Int, { description: 'Students put on a waitlist that day.' })
  waitlisted: number;

  @Field(() => Int, { description: 'Enrollments cancelled that day.' })
  cancelled: number;

  @Field(() => Int, { description: 'Courses completed (certificates issued) that day.' })
  coursesCompleted: number;
}

@ObjectType({ description: 'The nightly sales and enrollment report of one day. Admins only.' })
export class Report {
  @Field(() => ID, { description: 'Report id.' })
  id: string;

  @Field({ description: 'What the report covers; `daily-sales-enrollments` for now.' })
  kind: string;

  @Field({ description: 'The day reported, `YYYY-MM-DD` in `timeZone`.' })
  day: string;

  @Field({ description: 'IANA time zone the day is counted in, e.g. `America/Sao_Paulo`.' })
  timeZone: string;

  @Field({ description: 'Start of the day reported (inclusive).' })
  periodStart: Date;

  @Field({ description: 'End of the day reported (exclusive).' })
  periodEnd: Date;

  @Field({ description: 'When these figures were computed; a re-run replaces them.' })
  generatedAt: Date;

  @Field(() => SalesFigures, { description: 'Orders of the day.' })
  sales: SalesFigures;

  @Field(() => EnrollmentFigures, { description: 'Course enrollments of the day.' })
  enrollments: EnrollmentFigures;
}

@ObjectType({ description: 'A page of reports, newest day first.' })
export class ReportConnection extends Connection(Report, 'Report') {}

export function toReportModel(entity: ReportEntity): Report {
  return {
    id: entity.id,
    kind: entity.kind,
    day: entity.day,
    timeZone: entity.timeZone,
    periodStart: entity.periodStart,
    periodEnd: entity.periodEnd,
    generatedAt: entity.generatedAt,
    sales: {
      currency: entity.currency,
      ordersPlaced: entity.ordersPlaced,
      ordersPaid: entity.ordersPaid,
      revenueCents: entity.revenueCents,
      ordersShipped: entity.ordersShipped,
      ordersCancelled: entity.ordersCancelled,
      ordersRefunded: entity.ordersRefunded,
      refundedCents: entity.refundedCents,
    },
    enrollments: {
      confirmed: entity.enrollmentsConfirmed,
      waitlisted: entity.enrollmentsWaitlisted,
      cancelled: entity.enrollmentsCancelled,
      coursesCompleted: entity.coursesCompleted,
    },
  };
}

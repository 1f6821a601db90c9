import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SessionFormat } from './session-format.enum';
import type { SessionEntity } from './session.entity';

@ObjectType('CourseSession', { description: 'A class of a course: when, where (or online) and how many seats.' })
export class SessionModel {
  @Field(() => ID, { description: 'Stable class id.' })
  id: string;

  @Field({ description: 'When the class starts.' })
  startsAt: Date;

  @Field({ description: 'When the class ends.' })
  endsAt: Date;

  @Field(() => SessionFormat, { description: 'In person or online.' })
  format: SessionFormat;

  @Field(() => String, { nullable: true, description: 'Address of an in-person class; null for online classes.' })
  location: string | null;

  @Field(() => Int, { description: 'Seats in the class.' })
  capacity: number;

  @Field({ description: 'SKU of the catalog variant that sells a seat in this class (add it to the cart to enroll).' })
  seatSku: string;

  @Field({ description: 'True when the class was withdrawn by an admin; it is no longer listed.' })
  archived: boolean;

  /** Exposed as `seatsTaken` / `seatsAvailable` with a short cache hint. */
  seatsTaken: number;
  /** Exposed as `course`. */
  courseId: string;
}

export function toSessionModel(entity: SessionEntity): SessionModel {
  return {
    id: entity.id,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    format: entity.format as SessionFormat,
    location: entity.location,
    capacity: entity.capacity,
    seatSku: entity.seatSku,
    archived: entity.archivedAt !== null,
    seatsTaken: entity.seatsTaken,
    courseId: entity.courseId,
  };
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { SessionFormat } from '../sessions/session-format.enum';

@InputType({ description: 'A new class of a course.' })
export class CreateSessionInput {
  @Field(() => ID, { description: 'The course taught.' })
  courseId: string;

  @Field({
    description:
      'SKU of the catalog variant (of the course’s COURSE_SEAT product) that sells seats in this class, e.g. `CUR-LATTE-ART-1A2B-2027-03-M`. Fixed once created.',
  })
  seatSku: string;

  @Field({ description: 'When the class starts.' })
  startsAt: Date;

  @Field({ description: 'When the class ends (after it starts).' })
  endsAt: Date;

  @Field(() => SessionFormat, { description: 'In person or online.' })
  format: SessionFormat;

  @Field(() => String, { nullable: true, description: 'Address; required for IN_PERSON classes, must be omitted for ONLINE ones.' })
  location?: string | null;

  @Field(() => Int, { description: 'Seats (1 to 1000).' })
  capacity: number;
}

@InputType({ description: 'Changes to a class; omitted fields stay as they are.' })
export class UpdateSessionInput {
  @Field(() => Date, { nullable: true, description: 'New start; students are told through `courses.session.rescheduled.v1`.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'New end.' })
  endsAt?: Date | null;

  @Field(() => SessionFormat, { nullable: true, description: 'New format (give `location` to match).' })
  format?: SessionFormat | null;

  @Field(() => String, { nullable: true, description: 'New address of an in-person class.' })
  location?: string | null;

  @Field(() => Int, { nullable: true, description: 'New capacity: not below the seats taken; more seats go to the waitlist at once.' })
  capacity?: number | null;
}

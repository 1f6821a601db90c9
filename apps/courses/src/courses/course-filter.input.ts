import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@mestres/graphql';
import { SessionFormat } from '../sessions/session-format.enum';
import { CourseLevel } from './course-level.enum';

@InputType({ description: 'Narrows the course list; every given criterion must hold.' })
export class CourseFilter {
  @Field(() => CourseLevel, { nullable: true, description: 'Only courses of this level.' })
  level?: CourseLevel | null;

  @Field(() => SessionFormat, {
    nullable: true,
    description: 'Only courses with a class in this format (with `upcoming`, an upcoming class in this format).',
  })
  format?: SessionFormat | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only courses with a class that has not started yet.' })
  upcoming?: boolean | null;
}

@ArgsType()
export class CoursesArgs extends ConnectionArgs {
  @Field(() => CourseFilter, { nullable: true, description: 'Criteria; omit to list every offered course.' })
  filter?: CourseFilter | null;
}

import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Role } from '@mestres/auth';

@ArgsType()
export class SetUserRolesArgs {
  @Field(() => ID, { description: 'The user whose roles change.' })
  userId: string;

  @Field(() => [Role], { description: 'The complete new set of roles (at least one). Replaces the current roles.' })
  roles: Role[];
}

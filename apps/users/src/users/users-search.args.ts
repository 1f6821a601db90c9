import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '@mestres/graphql';

@ArgsType()
export class UsersSearchArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Matches part of the name or email, case-insensitively.' })
  search?: string | null;
}

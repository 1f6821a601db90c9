import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Profile fields the user may change. Omitted fields stay as they are.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'New display name, 1 to 100 characters.' })
  name?: string | null;
}

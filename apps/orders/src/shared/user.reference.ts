import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The users subgraph's User, extended here with the user's orders. */
@ObjectType('User', { description: 'A customer account, owned by the users subgraph.' })
@Directive('@key(fields: "id")')
export class UserReference {
  @Field(() => ID, { description: 'User id.' })
  id: string;
}

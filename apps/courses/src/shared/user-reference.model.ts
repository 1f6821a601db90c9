import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The users service's `User`, referenced by id (instructors, students, certificate holders)
 * and extended here with `enrollments`. The gateway fetches `name` and the rest from users.
 */
@ObjectType('User', { description: 'A person with an account; owned by the users service.' })
@Directive('@key(fields: "id")')
export class UserReference {
  @Field(() => ID, { description: 'Stable user id.' })
  id: string;
}

export const userReference = (id: string): UserReference => ({ id });

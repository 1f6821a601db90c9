import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@mestres/auth';
import type { UserEntity } from './user.entity';

/**
 * A person with an account. `id` and `name` are public; `email`, `roles`, `addresses` and
 * `createdAt` are private (see UserFieldsResolver), so they are plain properties here and
 * exposed only through guarded field resolvers.
 */
@ObjectType('User', {
  description:
    'A person with an account: customer, instructor or admin. Other services extend it (orders, enrollments). ' +
    'Only `id` and `name` are public; the other fields are visible to the user themself and to admins.',
})
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID, { description: 'Stable user id.' })
  id: string;

  @Field({ description: 'Display name. Public: shown on reviews, course pages and orders.' })
  name: string;

  email: string;
  roles: Role[];
  createdAt: Date;
  /**
   * Set on the user returned by register/login/refresh: the caller has just proven to be this
   * user, although the request itself is anonymous. Never set from client input.
   */
  viewedByOwner?: boolean;
}

export function toUserModel(entity: UserEntity, options: { viewedByOwner?: boolean } = {}): User {
  const user = new User();
  if (options.viewedByOwner) user.viewedByOwner = true;
  user.id = entity.id;
  user.name = entity.name;
  user.email = entity.email;
  user.roles = entity.roles;
  user.createdAt = entity.createdAt;
  return user;
}

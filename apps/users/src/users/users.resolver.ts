import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentUser, Role, Roles, type CallerIdentity } from '@mestres/auth';
import { UserConnection } from './user-connection.model';
import { User } from './user.model';
import { SetUserRolesArgs } from './set-user-roles.args';
import { UpdateProfileInput } from './update-profile.input';
import { UsersSearchArgs } from './users-search.args';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Query(() => User, { description: 'The signed-in user. UNAUTHENTICATED when anonymous.' })
  @Authenticated()
  me(@CurrentUser() caller: CallerIdentity): Promise<User> {
    return this.usersService.me(caller);
  }

  @Query(() => UserConnection, { description: 'Admin only: all users, newest first, optionally searched by name or email.' })
  @Roles(Role.ADMIN)
  users(@Args() args: UsersSearchArgs): Promise<UserConnection> {
    return this.usersService.list(args);
  }

  @Mutation(() => User, { description: "Changes the signed-in user's profile." })
  @Authenticated()
  updateProfile(
    @CurrentUser() caller: CallerIdentity,
    @Args('input', { description: 'The fields to change.' }) input: UpdateProfileInput,
  ): Promise<User> {
    return this.usersService.updateProfile(caller, input);
  }

  @Mutation(() => User, {
    description:
      "Admin only: replaces a user's roles. Their current access tokens stop working at once; their next refresh carries the new roles.",
  })
  @Roles(Role.ADMIN)
  setUserRoles(@CurrentUser() caller: CallerIdentity, @Args() args: SetUserRolesArgs): Promise<User> {
    return this.usersService.setRoles(caller, args.userId, args.roles);
  }
}

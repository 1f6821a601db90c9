import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { assertOwnerOrAdmin, CurrentUser, Role, type CallerIdentity } from '@mestres/auth';
import { Address } from '../addresses/address.model';
import { AddressesLoader } from '../addresses/addresses.loader';
import { UserLoader } from './user.loader';
import { User } from './user.model';

/**
 * Federation entry point and private fields of `User`.
 *
 * Field visibility (documented in the schema too):
 * - `id`, `name`: public, anyone (other subgraphs show instructors' and reviewers' names).
 * - `email`, `roles`, `addresses`, `createdAt`: the user themself and ADMINs. Anonymous
 *   callers get UNAUTHENTICATED, other signed-in users FORBIDDEN. This does not reveal
 *   anything: the caller already holds the user's id, and an unknown id resolves to null.
 *   The user in an AuthPayload counts as the caller's own: they just signed in as them.
 */
function assertCanSeePrivateFields(caller: CallerIdentity | null, user: User): void {
  if (!user.viewedByOwner) assertOwnerOrAdmin(caller, user.id);
}

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(
    private readonly userLoader: UserLoader,
    private readonly addressesLoader: AddressesLoader,
  ) {}

  // Apollo calls this once per representation; the loader turns them into one query. No
  // parameter decorators: Nest then passes Apollo's (reference, context) through unchanged.
  @ResolveReference()
  resolveReference(reference: { __typename: 'User'; id: string }, context: object): Promise<User | null> {
    return this.userLoader.load(context, reference.id);
  }

  @ResolveField(() => String, { description: 'Sign-in email, lower-case. Private: the user themself or an admin.' })
  email(@Parent() user: User, @CurrentUser() caller: CallerIdentity | null): string {
    assertCanSeePrivateFields(caller, user);
    return user.email;
  }

  @ResolveField(() => [Role], { description: 'What the user may do. Private: the user themself or an admin.' })
  roles(@Parent() user: User, @CurrentUser() caller: CallerIdentity | null): Role[] {
    assertCanSeePrivateFields(caller, user);
    return user.roles;
  }

  @ResolveField(() => Date, { description: 'When the account was created. Private: the user themself or an admin.' })
  createdAt(@Parent() user: User, @CurrentUser() caller: CallerIdentity | null): Date {
    assertCanSeePrivateFields(caller, user);
    return user.createdAt;
  }

  @ResolveField(() => [Address], {
    description: 'Shipping addresses, default first. Private: the user themself or an admin.',
  })
  addresses(@Parent() user: User, @CurrentUser() caller: CallerIdentity | null, @Context() context: object): Promise<Address[]> {
    assertCanSeePrivateFields(caller, user);
    return this.addressesLoader.load(context, user.id);
  }
}

import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentUser, type CallerIdentity } from '@mestres/auth';
import { AddressInput } from './address.input';
import { Address } from './address.model';
import { AddressesService } from './addresses.service';

@Resolver(() => Address)
export class AddressesResolver {
  constructor(private readonly addresses: AddressesService) {}

  @Mutation(() => Address, { description: 'Adds a shipping address to the signed-in user. The first one becomes the default.' })
  @Authenticated()
  addAddress(
    @CurrentUser() caller: CallerIdentity,
    @Args('input', { description: 'The address.' }) input: AddressInput,
  ): Promise<Address> {
    return this.addresses.add(caller, input);
  }

  @Mutation(() => Address, { description: "Replaces the fields of one of the signed-in user's addresses. NOT_FOUND for any other id." })
  @Authenticated()
  updateAddress(
    @CurrentUser() caller: CallerIdentity,
    @Args('id', { type: () => ID, description: 'The address to change.' }) id: string,
    @Args('input', { description: 'The new address fields.' }) input: AddressInput,
  ): Promise<Address> {
    return this.addresses.update(caller, id, input);
  }

  @Mutation(() => ID, { description: "Deletes one of the signed-in user's addresses and returns its id. NOT_FOUND for any other id." })
  @Authenticated()
  removeAddress(
    @CurrentUser() caller: CallerIdentity,
    @Args('id', { type: () => ID, description: 'The address to delete.' }) id: string,
  ): Promise<string> {
    return this.addresses.remove(caller, id);
  }

  @Mutation(() => Address, { description: "Makes one of the signed-in user's addresses the default. NOT_FOUND for any other id." })
  @Authenticated()
  setDefaultAddress(
    @CurrentUser() caller: CallerIdentity,
    @Args('id', { type: () => ID, description: 'The address to make the default.' }) id: string,
  ): Promise<Address> {
    return this.addresses.setDefault(caller, id);
  }
}

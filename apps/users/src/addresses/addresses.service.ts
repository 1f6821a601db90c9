import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, type CallerIdentity } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import { isUuid } from '../shared/uuid';
import { parseAddress } from './address-fields';
import type { AddressInput } from './address.input';
import { toAddressModel, type Address } from './address.model';
import { AddressesError, AddressesErrorCode } from './addresses.errors';
import { AddressesRepository } from './addresses.repository';

/** Enough for home, work and a few gift recipients; stops a script from filling the table. */
export const MAX_ADDRESSES_PER_USER = 20;

const notFound = () => new AddressesError(AddressesErrorCode.ADDRESS_NOT_FOUND, 'address not found', { field: 'id' });

/**
 * A user's shipping addresses. Callers only ever touch their own: ids of other users'
 * addresses answer NOT_FOUND, exactly like unknown ids. A user with addresses always has
 * exactly one default.
 */
@Injectable()
export class AddressesService {
  constructor(
    private readonly addresses: AddressesRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** Addresses per user id, in order (one query for the batch). */
  async listForUsers(userIds: readonly string[]): Promise<Address[][]> {
    const rows = await this.addresses.listByUserIds(userIds.filter(isUuid));
    const byUser = new Map<string, Address[]>(userIds.map((id) => [id, []]));
    for (const row of rows) byUser.get(row.userId)?.push(toAddressModel(row));
    return userIds.map((id) => byUser.get(id) ?? []);
  }

  add(caller: CallerIdentity, input: AddressInput): Promise<Address> {
    const fields = parseAddress(input);
    return this.tx.transaction(async () => {
      await this.lockOwner(caller);
      const count = await this.addresses.countByUser(caller.userId);
      if (count >= MAX_ADDRESSES_PER_USER) {
        throw new AddressesError(AddressesErrorCode.ADDRESS_LIMIT_REACHED, `at most ${MAX_ADDRESSES_PER_USER} addresses per account`);
      }
      const created = await this.addresses.insert(caller.userId, fields, count === 0);
      if (input.isDefault && count > 0) await this.addresses.makeDefault(caller.userId, created.id);
      return this.owned(caller, created.id);
    });
  }

  /** Replaces the fields of an address. `isDefault: true` makes it the default; false or null leaves the flag. */
  update(caller: CallerIdentity, id: string, input: AddressInput): Promise<Address> {
    const fields = parseAddress(input);
    return this.tx.transaction(async () => {
      await this.lockOwner(caller);
      await this.owned(caller, id);
      await this.addresses.update(caller.userId, id, fields);
      if (input.isDefault) await this.addresses.makeDefault(caller.userId, id);
      return this.owned(caller, id);
    });
  }

  /** Deletes an address; when it was the default, the newest remaining one becomes the default. */
  remove(caller: CallerIdentity, id: string): Promise<string> {
    return this.tx.transaction(async () => {
      await this.lockOwner(caller);
      await this.owned(caller, id);
      await this.addresses.delete(caller.userId, id);
      await this.addresses.promoteNewestIfNoDefault(caller.userId);
      return id;
    });
  }

  setDefault(caller: CallerIdentity, id: string): Promise<Address> {
    return this.tx.transaction(async () => {
      await this.lockOwner(caller);
      await this.owned(caller, id);
      await this.addresses.makeDefault(caller.userId, id);
      return this.owned(caller, id);
    });
  }

  private async lockOwner(caller: CallerIdentity): Promise<void> {
    // A valid token for an account deleted since: treat as signed out.
    if (!(await this.addresses.lockOwner(caller.userId))) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
  }

  private async owned(caller: CallerIdentity, id: string): Promise<Address> {
    const row = isUuid(id) ? await this.addresses.findOwned(caller.userId, id) : null;
    if (!row) throw notFound();
    return toAddressModel(row);
  }
}

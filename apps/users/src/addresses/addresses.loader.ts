import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Address } from './address.model';
import { AddressesService } from './addresses.service';

/** Per-request batching of `User.addresses`: one SQL query for all users in a response. */
@Injectable()
export class AddressesLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, Address[]>>();

  constructor(private readonly addresses: AddressesService) {}

  load(context: object, userId: string): Promise<Address[]> {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader((ids) => this.addresses.listForUsers(ids), { maxBatchSize: 500 });
      this.loaders.set(context, loader);
    }
    return loader.load(userId);
  }
}

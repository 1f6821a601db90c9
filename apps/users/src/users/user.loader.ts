import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { User } from './user.model';
import { UsersService } from './users.service';

/**
 * Per-request batching of user lookups: every `User` reference in one GraphQL request becomes
 * one SQL query. Loaders live in a WeakMap keyed by the request's context object, so they die
 * with the request and never serve one caller's cache to another.
 */
@Injectable()
export class UserLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, User | null>>();

  constructor(private readonly users: UsersService) {}

  load(context: object, id: string): Promise<User | null> {
    let loader = this.loaders.get(context);
    if (!loader) {
      loader = new DataLoader((ids) => this.users.findByIds(ids), { maxBatchSize: 500 });
      this.loaders.set(context, loader);
    }
    return loader.load(id);
  }
}

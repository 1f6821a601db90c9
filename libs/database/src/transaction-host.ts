import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => void | Promise<void>>;
}

/**
 * The one way services open transactions. Repositories read `manager`, which is the
 * current transaction's EntityManager when one is open, so services never pass managers
 * around. Nested `transaction()` calls join the outer transaction.
 */
export class TransactionHost {
  private readonly scope = new AsyncLocalStorage<TransactionScope>();

  constructor(
    readonly primary: DataSource,
    readonly replica: DataSource = primary,
  ) {}

  /** Runs `work` in a transaction (joining one already open) and returns its result. */
  async transaction<T>(work: () => Promise<T>, options: { isolation?: IsolationLevel } = {}): Promise<T> {
    if (this.scope.getStore()) return work();
    const hooks: TransactionScope['afterCommit'] = [];
    const run = (manager: EntityManager) => this.scope.run({ manager, afterCommit: hooks }, work);
    const result = options.isolation
      ? await this.primary.transaction(options.isolation, run)
      : await this.primary.transaction(run);
    for (const hook of hooks) await hook();
    return result;
  }

  /** True while inside `transaction()`. */
  get inTransaction(): boolean {
    return this.scope.getStore() !== undefined;
  }

  /** The open transaction's manager, or the primary's. Use for writes and read-your-writes. */
  get manager(): EntityManager {
    return this.scope.getStore()?.manager ?? this.primary.manager;
  }

  /**
   * Manager for reads that tolerate replica lag: the read replica when configured and no
   * transaction is open (a transaction must see its own writes).
   */
  get reader(): EntityManager {
    return this.scope.getStore()?.manager ?? this.replica.manager;
  }

  /** Runs `hook` after the current transaction commits, or right away outside one. */
  async afterCommit(hook: () => void | Promise<void>): Promise<void> {
    const store = this.scope.getStore();
    if (store) store.afterCommit.push(hook);
    else await hook();
  }
}

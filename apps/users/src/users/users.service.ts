import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode, Role, type CallerIdentity } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import { decodeCursor, pageSize, toConnection, type ConnectionShape } from '@mestres/graphql';
import { TokenRevocations } from '../shared/token-revocations';
import { isUuid } from '../shared/uuid';
import { parseName } from './user-fields';
import { toUserModel, type User } from './user.model';
import { UsersError, UsersErrorCode } from './users.errors';
import { UsersRepository } from './users.repository';

interface UsersCursor {
  c: string;
  i: string;
}

const isUsersCursor = (value: unknown): value is UsersCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UsersCursor).c === 'string' &&
  !Number.isNaN(Date.parse((value as UsersCursor).c)) &&
  isUuid((value as UsersCursor).i);

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tx: TransactionHost,
    private readonly revocations: TokenRevocations,
  ) {}

  /** Users by id, in order, `null` for unknown ids (one query for the batch). */
  async findByIds(ids: readonly string[]): Promise<Array<User | null>> {
    const rows = await this.users.findByIds(ids.filter(isUuid));
    const byId = new Map(rows.map((row) => [row.id, toUserModel(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The caller's own account. A deleted account with a live token counts as signed out. */
  async me(caller: CallerIdentity): Promise<User> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
    return toUserModel(user);
  }

  async updateProfile(caller: CallerIdentity, changes: { name?: string | null }): Promise<User> {
    const name = changes.name === undefined || changes.name === null ? undefined : parseName(changes.name, 'input.name');
    const user = name === undefined ? await this.users.findById(caller.userId) : await this.users.updateName(caller.userId, name);
    if (!user) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
    return toUserModel(user);
  }

  /** Admin listing: newest first, optionally filtered by part of the name or email. */
  async list(args: { search?: string | null; first?: number | null; after?: string | null }): Promise<ConnectionShape<User>> {
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, isUsersCursor);
    const search = args.search?.trim() || undefined;
    const { rows, totalCount } = await this.users.page({
      search,
      limit,
      after: cursor ? { createdAt: cursor.c, id: cursor.i } : undefined,
    });
    return toConnection(rows, limit, totalCount, toUserModel, (row) => ({ c: row.createdAt.toISOString(), i: row.id }));
  }

  /**
   * Replaces a user's roles. Their access tokens issued before are revoked at once (the next
   * refresh carries the new roles).
   */
  async setRoles(caller: CallerIdentity, userId: string, requested: Role[]): Promise<User> {
    const roles = [...new Set(requested)];
    if (roles.length === 0) throw new UsersError(UsersErrorCode.INVALID_ROLES, 'roles must contain at least one role', { field: 'roles' });
    if (caller.userId === userId && caller.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
      throw new UsersError(UsersErrorCode.CANNOT_REMOVE_OWN_ADMIN_ROLE, 'admins cannot remove their own ADMIN role', { field: 'roles' });
    }
    const user = isUuid(userId) ? await this.tx.transaction(() => this.users.setRoles(userId, roles)) : null;
    if (!user) throw new UsersError(UsersErrorCode.USER_NOT_FOUND, 'user not found', { field: 'userId' });
    await this.revocations.revokeTokensBefore(user.id, user.tokenVersion);
    return toUserModel(user);
  }
}

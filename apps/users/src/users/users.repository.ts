import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import type { Role } from '@mestres/auth';
import { UserEntity } from './user.entity';

export interface UsersPageQuery {
  search?: string;
  limit: number;
  after?: { createdAt: string; id: string };
}

/** Escapes LIKE wildcards so a search for `50%` matches the text literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get writer() {
    return this.tx.manager.getRepository(UserEntity);
  }

  private get reader() {
    return this.tx.reader.getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.writer.findOneBy({ id });
  }

  /** One query for a whole batch of ids (DataLoader, federation references). */
  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.reader.findBy({ id: In([...ids]) });
  }

  /** `email` must be normalised; the lower() matches the unique index. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.writer.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** Inserts a user; resolves `null` when the email is already taken (any case). */
  async insert(user: { email: string; name: string; passwordHash: string; roles?: Role[] }): Promise<UserEntity | null> {
    // ON CONFLICT rather than catching the violation: a failed statement would be logged with its parameters.
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `INSERT INTO users (email, name, password_hash, roles)
       VALUES ($1, $2, $3, COALESCE($4::text[], ARRAY['CUSTOMER']))
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [user.email, user.name, user.passwordHash, user.roles ?? null],
    );
    return rows.length ? this.findById(rows[0].id) : null;
  }

  async updateName(id: string, name: string): Promise<UserEntity | null> {
    await this.tx.manager.query(`UPDATE users SET name = $2, updated_at = now() WHERE id = $1`, [id, name]);
    return this.findById(id);
  }

  /** Stores a new hash; `changedAt` set means the user changed it (not a silent rehash). */
  async updatePasswordHash(id: string, passwordHash: string, changedAt: Date | null): Promise<void> {
    await this.tx.manager.query(
      changedAt
        ? `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1`
        : `UPDATE users SET password_hash = $2 WHERE id = $1`,
      changedAt ? [id, passwordHash, changedAt] : [id, passwordHash],
    );
  }

  /** Replaces the roles and raises the token version; null when the user does not exist. */
  async setRoles(id: string, roles: Role[]): Promise<UserEntity | null> {
    const [rows] = await this.tx.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE users SET roles = $2::text[], token_version = token_version + 1, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, roles],
    );
    return rows.length ? this.findById(id) : null;
  }

  /** Newest first, keyset-paginated; fetches `limit + 1` rows so the caller knows if more follow. */
  async page(query: UsersPageQuery): Promise<{ rows: UserEntity[]; totalCount: number }> {
    const filtered = () => {
      const builder = this.reader.createQueryBuilder('u');
      if (query.search) builder.where(`(u.name || ' ' || u.email) ILIKE :pattern`, { pattern: likePattern(query.search) });
      return builder;
    };
    const pageQuery = filtered()
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(query.limit + 1);
    if (query.after) {
      pageQuery.andWhere('(u.created_at, u.id) < (:createdAt::timestamptz, :id::uuid)', query.after);
    }
    const [rows, totalCount] = await Promise.all([pageQuery.getMany(), filtered().getCount()]);
    return { rows, totalCount };
  }
}

import { Role } from '@mestres/auth';
import { uniqueSuffix } from '@mestres/testing';
import type { DataSource } from 'typeorm';

export interface StoredUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

/** Inserts users straight into the schema (no hashing per user: pass a precomputed hash). */
export class UserBuilder {
  private email = `user-${uniqueSuffix()}@example.com`;
  private name = 'Rafael Lima';
  private roles: Role[] = [Role.CUSTOMER];

  constructor(private readonly passwordHash: string) {}

  withEmail(email: string): this {
    this.email = email;
    return this;
  }

  withName(name: string): this {
    this.name = name;
    return this;
  }

  withRoles(...roles: Role[]): this {
    this.roles = roles;
    return this;
  }

  async insert(db: DataSource): Promise<StoredUser> {
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO users (email, name, password_hash, roles) VALUES ($1, $2, $3, $4::text[]) RETURNING id`,
      [this.email, this.name, this.passwordHash, this.roles],
    );
    return { id: rows[0].id, email: this.email, name: this.name, roles: this.roles };
  }
}

export const aUser = (passwordHash: string) => new UserBuilder(passwordHash);

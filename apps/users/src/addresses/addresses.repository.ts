import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '@mestres/database';
import { AddressEntity } from './address.entity';
import type { AddressFields } from './address-fields';

/** Every query is scoped by the owner's id: another user's address is simply not found. */
@Injectable()
export class AddressesRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get writer() {
    return this.tx.manager.getRepository(AddressEntity);
  }

  /** Serialises address changes of one user (default flag, limit) on their users row. */
  async lockOwner(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
    return rows.length > 0;
  }

  /** Addresses of many users in one query, default first, then oldest first. */
  listByUserIds(userIds: readonly string[]): Promise<AddressEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.tx.reader.getRepository(AddressEntity).find({
      where: { userId: In([...userIds]) },
      order: { isDefault: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  countByUser(userId: string): Promise<number> {
    return this.writer.countBy({ userId });
  }

  findOwned(userId: string, id: string): Promise<AddressEntity | null> {
    return this.writer.findOneBy({ userId, id });
  }

  async insert(userId: string, fields: AddressFields, isDefault: boolean): Promise<AddressEntity> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `INSERT INTO addresses (user_id, recipient, street, number, complement, district, city, state, postal_code, phone, is_default)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [userId, fields.recipient, fields.street, fields.number, fields.complement, fields.district, fields.city, fields.state, fields.postalCode, fields.phone, isDefault],
    );
    return this.writer.findOneByOrFail({ id: rows[0].id });
  }

  async update(userId: string, id: string, fields: AddressFields): Promise<void> {
    await this.tx.manager.query(
      `UPDATE addresses SET recipient = $3, street = $4, number = $5, complement = $6, district = $7, city = $8,
         state = $9, postal_code = $10, phone = $11, updated_at = now()
       WHERE user_id = $1 AND id = $2`,
      [userId, id, fields.recipient, fields.street, fields.number, fields.complement, fields.district, fields.city, fields.state, fields.postalCode, fields.phone],
    );
  }

  /** Makes `id` the only default address of the user. */
  async makeDefault(userId: string, id: string): Promise<void> {
    await this.tx.manager.query(`UPDATE addresses SET is_default = false, updated_at = now() WHERE user_id = $1 AND is_default AND id <> $2`, [userId, id]);
    await this.tx.manager.query(`UPDATE addresses SET is_default = true, updated_at = now() WHERE user_id = $1 AND id = $2`, [userId, id]);
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.writer.delete({ userId, id });
  }

  /** After the default was removed, the most recently added remaining address takes over. */
  async promoteNewestIfNoDefault(userId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE addresses SET is_default = true, updated_at = now()
       WHERE id = (SELECT id FROM addresses WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = $1 AND is_default)`,
      [userId],
    );
  }
}

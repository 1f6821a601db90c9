import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import type { EmailRecipient } from '../email/rendered-email';
import { RecipientEntity } from './recipient.entity';

@Injectable()
export class RecipientsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async upsert(recipient: EmailRecipient): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO recipient (user_id, email, name) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, updated_at = now()`,
      [recipient.userId, recipient.email, recipient.name],
    );
  }

  async find(userId: string): Promise<EmailRecipient | null> {
    // The primary: a user registered a moment ago must be found even with a lagging replica.
    const row = await this.tx.manager.getRepository(RecipientEntity).findOneBy({ userId });
    return row ? { userId: row.userId, email: row.email, name: row.name } : null;
  }
}

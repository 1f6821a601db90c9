import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';

/** Ids of provider webhook events already processed. */
@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async seen(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`SELECT 1 FROM payment_webhook_events WHERE event_id = $1`, [eventId]);
    return rows.length > 0;
  }

  async record(eventId: string): Promise<void> {
    await this.tx.manager.query(`INSERT INTO payment_webhook_events (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING`, [eventId]);
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';

/** The partition maintenance function the migration installed. */
@Injectable()
export class PartitionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Creates the missing monthly partitions up to `monthsAhead` after this month; their names. */
  async ensure(monthsAhead: number): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.tx.manager.query(`SELECT ensure_order_partitions($1) AS name`, [monthsAhead]);
    return rows.map((row) => row.name);
  }
}

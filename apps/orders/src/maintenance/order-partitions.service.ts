import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { OrdersConfig } from '../config';
import { InjectOrdersConfig } from '../shared/orders-config.token';
import { PartitionsRepository } from './partitions.repository';

/**
 * Keeps monthly order partitions ready ahead of time: at every boot, and whenever the jobs
 * service's nightly schedule asks (orders.maintenance.ensure-partitions.v1). Idempotent.
 */
@Injectable()
export class OrderPartitions implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrderPartitions.name);

  constructor(
    private readonly partitions: PartitionsRepository,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(monthsAhead = this.config.ORDER_PARTITIONS_MONTHS_AHEAD): Promise<{ created: string[]; monthsAhead: number }> {
    const created = await this.partitions.ensure(monthsAhead);
    if (created.length) this.logger.log(`created partitions ${created.join(', ')}`);
    return { created, monthsAhead };
  }
}

import { Injectable } from '@nestjs/common';
import type { EnsureOrderPartitionsRequestV1, EnsureOrderPartitionsResponseV1 } from '@mestres/contracts';
import { OnRequest } from '@mestres/messaging';
import { OrderPartitions } from './order-partitions.service';

/** Maintenance the jobs service schedules over NATS request/reply. */
@Injectable()
export class MaintenanceHandlers {
  constructor(private readonly partitions: OrderPartitions) {}

  @OnRequest('orders.maintenance.ensure-partitions.v1')
  ensurePartitions(request: EnsureOrderPartitionsRequestV1): Promise<EnsureOrderPartitionsResponseV1> {
    return this.partitions.ensure(request.monthsAhead);
  }
}

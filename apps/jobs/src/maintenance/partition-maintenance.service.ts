import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { RpcClient } from '@mestres/messaging';
import { JobName } from '../queues/job-name.enum';
import { JobRegistry } from '../queues/job-registry';

export interface PartitionSettings {
  monthsAhead: number;
  timeoutMs: number;
}

export const PARTITION_SETTINGS = Symbol('PARTITION_SETTINGS');

/**
 * The nightly partition maintenance: the orders service owns its tables, so the job only
 * asks it (request/reply) to create the coming months' partitions. Idempotent; a failure
 * (orders down, timeout) is retried with backoff like any job.
 */
@Injectable()
export class PartitionMaintenanceService implements OnModuleInit {
  private readonly logger = new Logger(PartitionMaintenanceService.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly rpc: RpcClient,
    @Inject(PARTITION_SETTINGS) private readonly settings: PartitionSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.ORDER_PARTITION_MAINTENANCE, () => this.run());
  }

  async run(): Promise<{ created: string[] }> {
    const response = await this.rpc.request(
      'orders.maintenance.ensure-partitions.v1',
      { monthsAhead: this.settings.monthsAhead },
      { timeoutMs: this.settings.timeoutMs },
    );
    if (response.created.length) this.logger.log(`orders partitions created: ${response.created.join(', ')}`);
    return { created: response.created };
  }
}

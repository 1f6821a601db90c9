import { DynamicModule, Module } from '@nestjs/common';
import type { JobsConfig } from '../config';
import { PARTITION_SETTINGS, PartitionMaintenanceService, type PartitionSettings } from './partition-maintenance.service';
import { RETENTION_SETTINGS, RetentionService, type RetentionSettings } from './retention.service';

/** Scheduled upkeep: expiry of old rows here, partition maintenance in the orders service. */
@Module({})
export class MaintenanceModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const retention: RetentionSettings = { emailLogDays: config.EMAIL_LOG_RETENTION_DAYS };
    // DDL can take a while on a busy table: far longer than an interactive request.
    const partitions: PartitionSettings = { monthsAhead: config.PARTITION_MONTHS_AHEAD, timeoutMs: 60_000 };
    return {
      module: MaintenanceModule,
      providers: [
        { provide: RETENTION_SETTINGS, useValue: retention },
        { provide: PARTITION_SETTINGS, useValue: partitions },
        RetentionService,
        PartitionMaintenanceService,
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { MaintenanceHandlers } from './maintenance.handlers';
import { OrderPartitions } from './order-partitions.service';
import { PartitionsRepository } from './partitions.repository';

@Module({ providers: [PartitionsRepository, OrderPartitions, MaintenanceHandlers], exports: [OrderPartitions] })
export class MaintenanceModule {}

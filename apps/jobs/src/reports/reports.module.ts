import { DynamicModule, Module } from '@nestjs/common';
import type { JobsConfig } from '../config';
import { REPORT_SETTINGS, ReportsService, type ReportSettings } from './reports.service';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';

/** The nightly sales and enrollment report: its job and the admin queries. */
@Module({})
export class ReportsModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const settings: ReportSettings = { timeZone: config.TIME_ZONE, currency: 'BRL' };
    return {
      module: ReportsModule,
      providers: [{ provide: REPORT_SETTINGS, useValue: settings }, ReportsRepository, ReportsService, ReportsResolver],
      exports: [ReportsService],
    };
  }
}

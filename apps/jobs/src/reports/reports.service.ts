import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { decodeCursor, pageSize, toConnection, type ConnectionShape } from '@mestres/graphql';
import type { JobContext } from '../queues/job-context';
import { JobName } from '../queues/job-name.enum';
import type { NightlyReportPayload } from '../queues/job-payloads';
import { JobRegistry } from '../queues/job-registry';
import { isDay, reportedDay } from './report-day';
import type { ReportEntity } from './report.entity';
import { ReportsRepository } from './reports.repository';

export interface ReportSettings {
  timeZone: string;
  /** Revenue is summed in this currency (the shop sells in one). */
  currency: string;
}

export const REPORT_SETTINGS = Symbol('REPORT_SETTINGS');

/** The one kind of report so far: a day of sales and enrollments. */
export const DAILY_REPORT_KIND = 'daily-sales-enrollments';

type Cursor = { day: string; id: string };
const isCursor = (value: unknown): value is Cursor =>
  typeof value === 'object' && value !== null && typeof (value as Cursor).day === 'string' && typeof (value as Cursor).id === 'string';

/** Generates the nightly report (a heavy-queue job) and serves stored reports to admins. */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly registry: JobRegistry,
    @Inject(REPORT_SETTINGS) private readonly settings: ReportSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.NIGHTLY_REPORT, (payload, context) => this.runNightly(payload, context));
  }

  /** Generates (or regenerates) the report of `day`; resolves to its id. */
  async generate(day: string): Promise<string> {
    const id = await this.reports.generateDaily(DAILY_REPORT_KIND, day, this.settings.timeZone, this.settings.currency);
    this.logger.log(`report ${DAILY_REPORT_KIND} for ${day} generated (${id})`);
    return id;
  }

  findById(id: string): Promise<ReportEntity | null> {
    return this.reports.findById(id);
  }

  async page(first: number | undefined | null, after: string | undefined | null): Promise<ConnectionShape<ReportEntity>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, isCursor);
    const { rows, totalCount } = await this.reports.page({ limit, after: cursor });
    return toConnection(rows, limit, totalCount, (row) => row, (row) => ({ day: row.day, id: row.id }) satisfies Cursor);
  }

  private async runNightly(payload: NightlyReportPayload, context: JobContext): Promise<{ reportId: string; day: string }> {
    const day = payload.date ?? reportedDay(context.dueAt, this.settings.timeZone);
    if (!isDay(day)) throw new UnrecoverableError(`invalid report date "${day}"`);
    return { reportId: await this.generate(day), day };
  }
}


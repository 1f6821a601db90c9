import type { JobsConfig } from '../config';
import type { Schedule } from './job-queues';
import { JobName } from './job-name.enum';

/** The recurring jobs, from the config. Ids are stable: they identify the schedule in Redis. */
export function jobSchedules(config: JobsConfig): Schedule[] {
  return [
    {
      id: 'nightly-report',
      job: JobName.NIGHTLY_REPORT,
      pattern: config.REPORT_SCHEDULE,
      timeZone: config.TIME_ZONE,
      payload: {},
    },
    {
      id: 'order-partition-maintenance',
      job: JobName.ORDER_PARTITION_MAINTENANCE,
      pattern: config.PARTITION_MAINTENANCE_SCHEDULE,
      timeZone: config.TIME_ZONE,
      payload: {},
    },
    {
      id: 'retention-cleanup',
      job: JobName.RETENTION_CLEANUP,
      pattern: config.RETENTION_SCHEDULE,
      timeZone: config.TIME_ZONE,
      payload: {},
    },
  ] satisfies Array<Schedule<JobName.NIGHTLY_REPORT> | Schedule<JobName.ORDER_PARTITION_MAINTENANCE> | Schedule<JobName.RETENTION_CLEANUP>>;
}

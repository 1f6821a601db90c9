import { DynamicModule, Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { JobsConfig } from '../config';
import { JobQueues, type Schedule } from './job-queues';
import { JobName } from './job-name.enum';
import { JobRegistry } from './job-registry';
import { jobSchedules } from './job-schedules';
import { JobWorkers } from './job-workers';
import { JOBS_SETTINGS, jobsSettingsFromConfig } from './jobs-settings';
import { QueueAdminResolver } from './queue-admin.resolver';
import { QueueAdminService } from './queue-admin.service';

const JOB_SCHEDULES = Symbol('JOB_SCHEDULES');

/**
 * Upserts the recurring jobs at boot, in every replica: BullMQ keeps one scheduler per id,
 * so N replicas still produce one job per slot, and a changed cron in config updates it.
 */
@Injectable()
class ScheduleRegistrar implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobSchedules');

  constructor(
    private readonly queues: JobQueues,
    @Inject(JOB_SCHEDULES) private readonly schedules: Schedule[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of this.schedules) await this.queues.upsertSchedule(schedule);
    if (this.schedules.length) {
      this.logger.log(`schedules: ${this.schedules.map((s) => `${s.id} (${s.pattern} ${s.timeZone})`).join(', ')}`);
    }
  }
}

/** The no-op job used by smoke checks and the throughput benchmark. */
@Injectable()
class PingHandler implements OnModuleInit {
  constructor(private readonly registry: JobRegistry) {}

  onModuleInit(): void {
    this.registry.register(JobName.PING, async () => undefined);
  }
}

/** BullMQ queues, workers and schedules; feature modules register handlers in `JobRegistry`. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(config: JobsConfig, options: { schedules?: Schedule[] } = {}): DynamicModule {
    return {
      module: QueuesModule,
      providers: [
        { provide: JOBS_SETTINGS, useValue: jobsSettingsFromConfig(config) },
        { provide: JOB_SCHEDULES, useValue: options.schedules ?? jobSchedules(config) },
        JobQueues,
        JobRegistry,
        JobWorkers,
        ScheduleRegistrar,
        PingHandler,
        QueueAdminService,
        QueueAdminResolver,
      ],
      exports: [JOBS_SETTINGS, JobQueues, JobRegistry, JobWorkers],
    };
  }
}

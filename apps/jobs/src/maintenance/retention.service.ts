import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EmailLogRepository } from '../email/email-log.repository';
import { JobName } from '../queues/job-name.enum';
import { JobRegistry } from '../queues/job-registry';

export interface RetentionSettings {
  emailLogDays: number;
}

export const RETENTION_SETTINGS = Symbol('RETENTION_SETTINGS');

/**
 * Expiry work of this service: old e-mail log rows go (BullMQ expires its own completed and
 * failed jobs; the messaging lib prunes the inbox).
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly emailLog: EmailLogRepository,
    @Inject(RETENTION_SETTINGS) private readonly settings: RetentionSettings,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.RETENTION_CLEANUP, () => this.run());
  }

  async run(): Promise<{ emailLogRowsDeleted: number }> {
    const emailLogRowsDeleted = await this.emailLog.pruneOlderThan(this.settings.emailLogDays);
    if (emailLogRowsDeleted) this.logger.log(`deleted ${emailLogRowsDeleted} e-mail log rows older than ${this.settings.emailLogDays} days`);
    return { emailLogRowsDeleted };
  }
}

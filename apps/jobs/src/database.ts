import type { ServiceDatabaseDefinition } from '@mestres/database';
import { messagingMigrations } from '@mestres/messaging';
import { EmailLogEntity } from './email/email-log.entity';
import { CreateJobs1767571200000 } from './migrations/1767571200000-CreateJobs';
import { RecipientEntity } from './recipients/recipient.entity';
import { ReportEntity } from './reports/report.entity';

/**
 * The jobs service's schema: the e-mail log, the projections its e-mails and reports read
 * (recipients, order and enrollment activity), the reports, and the messaging inbox.
 */
export function jobsDatabase(schema = 'jobs'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [RecipientEntity, EmailLogEntity, ReportEntity],
    migrations: [...messagingMigrations, CreateJobs1767571200000],
  };
}

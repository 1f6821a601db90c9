import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { SubgraphModule } from '@mestres/graphql';
import { ServicePlatformModule } from '@mestres/service';
import type { JobsConfig } from './config';
import { DashboardModule } from './dashboard/dashboard.module';
import { jobsDatabase } from './database';
import { DevSmtpModule, shouldRunDevSmtp } from './dev-smtp/dev-smtp.module';
import { EmailModule } from './email/email.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { NotificationsModule } from './notifications/notifications.module';
import { QueuesModule } from './queues/queues.module';
import { RecipientsModule } from './recipients/recipients.module';
import { ReportsModule } from './reports/reports.module';

/**
 * The jobs service: BullMQ workers for e-mails, reports and maintenance, fed by durable
 * JetStream consumers; a small admin subgraph (dead jobs, reports) and the queue dashboard.
 */
@Module({})
export class AppModule {
  static forRoot(config: JobsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Jobs publishes no events: no outbox relay.
        ServicePlatformModule.forRoot({ service: 'jobs', config, database: jobsDatabase, messaging: { relay: { enabled: false } } }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        ...(shouldRunDevSmtp(config) ? [DevSmtpModule.forRoot(config)] : []),
        QueuesModule.forRoot(config),
        RecipientsModule,
        EmailModule.forRoot(config),
        NotificationsModule.forRoot(config),
        ReportsModule.forRoot(config),
        MaintenanceModule.forRoot(config),
        DashboardModule.forRoot(config),
      ],
    };
  }
}

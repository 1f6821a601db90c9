import { DynamicModule, Module } from '@nestjs/common';
import type { JobsConfig } from '../config';
import { RecipientsModule } from '../recipients/recipients.module';
import { EmailLogRepository } from './email-log.repository';
import { EMAIL_SENDER_SETTINGS, EmailSender, type EmailSenderSettings } from './email-sender';
import { MAILER_SETTINGS, Mailer, type MailerSettings } from './mailer';

/** SMTP delivery with the e-mail log; `EmailSender` is what job handlers use. */
@Module({})
export class EmailModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const mailer: MailerSettings = { url: config.SMTP_URL, from: config.SMTP_FROM, timeoutMs: config.SMTP_TIMEOUT_MS };
    const sender: EmailSenderSettings = {
      webUrl: config.PUBLIC_WEB_URL,
      timeZone: config.TIME_ZONE,
      leaseSeconds: config.EMAIL_SEND_LEASE_SECONDS,
    };
    return {
      module: EmailModule,
      global: true,
      imports: [RecipientsModule],
      providers: [
        { provide: MAILER_SETTINGS, useValue: mailer },
        { provide: EMAIL_SENDER_SETTINGS, useValue: sender },
        Mailer,
        EmailLogRepository,
        EmailSender,
      ],
      exports: [EmailSender, EmailLogRepository, Mailer],
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { JobContext } from '../queues/job-context';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { EmailLogRepository } from './email-log.repository';
import { RecipientUnknownError } from './email.errors';
import { isPermanentSmtpFailure, Mailer } from './mailer';
import type { EmailContext, EmailRecipient, RenderedEmail } from './rendered-email';

export interface EmailSenderSettings extends EmailContext {
  leaseSeconds: number;
}

export const EMAIL_SENDER_SETTINGS = Symbol('EMAIL_SENDER_SETTINGS');

export type EmailOutcome = 'sent' | 'already-sent';

/**
 * Sends the e-mail of one job at most once per job id, and records every attempt in
 * `email_log`:
 *
 * 1. look the recipient up (unknown: record, throw, the job retries later);
 * 2. claim the job's row (`EmailLogRepository.claim`): already sent -> done; someone else
 *    sending -> postpone until their lease ends;
 * 3. send over SMTP; 4. mark sent (or failed, and rethrow).
 *
 * The window left is between 3 and 4: a worker that dies after the SMTP server accepted
 * the message but before the row says `sent` lets the job send again once its lease runs
 * out (at-least-once). The Message-ID is stable per job, so that copy is recognisable.
 */
@Injectable()
export class EmailSender {
  constructor(
    private readonly log: EmailLogRepository,
    private readonly recipients: RecipientsRepository,
    private readonly mailer: Mailer,
    @Inject(EMAIL_SENDER_SETTINGS) private readonly settings: EmailSenderSettings,
  ) {}

  async send(
    context: JobContext,
    userId: string,
    render: (recipient: EmailRecipient, emailContext: EmailContext) => RenderedEmail,
  ): Promise<EmailOutcome> {
    const recipient = await this.recipients.find(userId);
    if (!recipient) {
      const error = new RecipientUnknownError(userId);
      await this.log.recordFailureBeforeSend({ jobId: context.id, jobName: context.name, userId, error: error.message });
      throw error;
    }
    const email = render(recipient, this.settings);
    const claim = await this.log.claim({
      jobId: context.id,
      jobName: context.name,
      userId,
      recipient: recipient.email,
      subject: email.subject,
      leaseSeconds: this.settings.leaseSeconds,
    });
    if (claim.kind === 'already-sent') return 'already-sent';
    if (claim.kind === 'in-progress') return context.postpone(claim.retryInMs);

    let messageId: string;
    try {
      ({ messageId } = await this.mailer.send({
        to: { email: recipient.email, name: recipient.name },
        ...email,
        messageId: `<${context.id}@${this.mailer.senderDomain()}>`,
      }));
    } catch (error) {
      const reason = (error as Error).message;
      await this.log.markFailed(context.id, reason);
      if (isPermanentSmtpFailure(error)) throw new UnrecoverableError(`SMTP refused the e-mail permanently: ${reason}`);
      throw error;
    }
    await this.log.markSent(context.id, messageId);
    return 'sent';
  }
}

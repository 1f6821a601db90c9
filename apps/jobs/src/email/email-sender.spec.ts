import { UnrecoverableError } from 'bullmq';
import type { JobContext } from '../queues/job-context';
import { JobName } from '../queues/job-name.enum';
import type { RecipientsRepository } from '../recipients/recipients.repository';
import type { ClaimResult, EmailLogRepository } from './email-log.repository';
import { EmailSender } from './email-sender';
import { RecipientUnknownError } from './email.errors';
import type { Mailer } from './mailer';

const ana = { userId: 'u-1', email: 'ana@example.com', name: 'Ana' };
const render = () => ({ subject: 'Oi', text: 'texto', html: '<p>texto</p>' });

function setup(claim: ClaimResult, options: { recipient?: typeof ana | null; sendError?: Error } = {}) {
  const calls: string[] = [];
  const log = {
    claim: async () => (calls.push('claim'), claim),
    markSent: async (_id: string, messageId: string) => void calls.push(`sent ${messageId}`),
    markFailed: async (_id: string, error: string) => void calls.push(`failed ${error}`),
    recordFailureBeforeSend: async () => void calls.push('failed before send'),
  } as unknown as EmailLogRepository;
  const recipients = { find: async () => (options.recipient === undefined ? ana : options.recipient) } as unknown as RecipientsRepository;
  const mailer = {
    senderDomain: () => 'mestrescafe.com.br',
    send: async (email: { messageId: string }) => {
      calls.push('smtp');
      if (options.sendError) throw options.sendError;
      return { messageId: email.messageId };
    },
  } as unknown as Mailer;
  const postponed: number[] = [];
  const context: JobContext = {
    id: 'waitlist-email.e1',
    name: JobName.WAITLIST_EMAIL,
    attempt: 1,
    attempts: 3,
    dueAt: 0,
    postpone: async (delayMs) => {
      postponed.push(delayMs);
      throw new Error('postponed');
    },
  };
  const sender = new EmailSender(log, recipients, mailer, { webUrl: 'https://x', timeZone: 'UTC', leaseSeconds: 60 });
  return { sender, context, calls, postponed };
}

describe(EmailSender.name, () => {
  it('sends a claimed e-mail with a Message-ID derived from the job and records it as sent', async () => {
    const { sender, context, calls } = setup({ kind: 'claimed', attempts: 1 });

    await expect(sender.send(context, 'u-1', render)).resolves.toBe('sent');
    expect(calls).toEqual(['claim', 'smtp', 'sent <waitlist-email.e1@mestrescafe.com.br>']);
  });

  it('does not send again what a previous run sent', async () => {
    const { sender, context, calls } = setup({ kind: 'already-sent' });

    await expect(sender.send(context, 'u-1', render)).resolves.toBe('already-sent');
    expect(calls).toEqual(['claim']);
  });

  it('waits for the lease of another sender instead of sending in parallel', async () => {
    const { sender, context, calls, postponed } = setup({ kind: 'in-progress', retryInMs: 4000 });

    await expect(sender.send(context, 'u-1', render)).rejects.toThrow('postponed');
    expect(postponed).toEqual([4000]);
    expect(calls).toEqual(['claim']);
  });

  it('records an unknown recipient and throws a retryable error', async () => {
    const { sender, context, calls } = setup({ kind: 'claimed', attempts: 1 }, { recipient: null });

    await expect(sender.send(context, 'u-1', render)).rejects.toBeInstanceOf(RecipientUnknownError);
    expect(calls).toEqual(['failed before send']);
  });

  it('gives up at once on a permanent SMTP refusal', async () => {
    const refusal = Object.assign(new Error('550 mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 });
    const { sender, context, calls } = setup({ kind: 'claimed', attempts: 1 }, { sendError: refusal });

    await expect(sender.send(context, 'u-1', render)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(calls).toEqual(['claim', 'smtp', 'failed 550 mailbox unavailable']);
  });

  it('records a temporary SMTP failure and rethrows it for a retry', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' });
    const { sender, context, calls } = setup({ kind: 'claimed', attempts: 1 }, { sendError: outage });

    await expect(sender.send(context, 'u-1', render)).rejects.toBe(outage);
    expect(calls).toEqual(['claim', 'smtp', 'failed connect ECONNREFUSED']);
  });
});

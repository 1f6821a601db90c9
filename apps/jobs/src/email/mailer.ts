import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailerSettings {
  /** `smtp://host:port` or `smtps://user:password@host:465`. */
  url: string;
  /** `"Mestres Café" <nao-responda@...>` */
  from: string;
  timeoutMs: number;
}

export const MAILER_SETTINGS = Symbol('MAILER_SETTINGS');

export interface OutgoingEmail {
  to: { email: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** Stable per job, so a receiving server or client can recognise a re-sent copy. */
  messageId: string;
}

/**
 * SMTP delivery (nodemailer, pooled connections). The one place that talks SMTP, so tests
 * and callers see a small `send()`; every error carries nodemailer's `code` and
 * `responseCode` for {@link isPermanentSmtpFailure}.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(MAILER_SETTINGS) private readonly settings: MailerSettings) {
    const url = new URL(settings.url);
    const secure = url.protocol === 'smtps:';
    this.transport = createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: 5,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  /** Sends one e-mail; resolves once the SMTP server accepted it. */
  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const info = (await this.transport.sendMail({
      from: this.settings.from,
      to: { name: email.to.name, address: email.to.email },
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
    })) as { messageId?: string };
    return { messageId: info.messageId ?? email.messageId };
  }

  /** The domain of the sender address, for Message-IDs. */
  senderDomain(): string {
    return /@([^>\s]+)>?\s*$/.exec(this.settings.from)?.[1] ?? 'localhost';
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * True when retrying cannot help: the server refused the recipient or the message with a
 * 5xx reply. Connection problems, timeouts, 4xx replies and authentication failures (a
 * configuration an operator can fix) are worth retrying.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

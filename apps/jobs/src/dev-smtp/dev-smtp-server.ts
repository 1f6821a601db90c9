import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message as the dev server received it. */
export interface ReceivedEmail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  receivedAt: Date;
}

export interface DevSmtpServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

interface Waiter {
  predicate: (email: ReceivedEmail) => boolean;
  resolve: (email: ReceivedEmail) => void;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.map((address) => address.address ?? '')).filter(Boolean);
}

/**
 * A real SMTP server for development and tests (the `smtp-server` package): it accepts
 * every message, parses it (`mailparser`) and keeps it in memory, so the whole path,
 * nodemailer included, runs as in production while tests read what was delivered.
 * A message is stored when its DATA completes, before the server replies 250.
 */
export class DevSmtpServer {
  private readonly received: ReceivedEmail[] = [];
  private waiters: Waiter[] = [];
  private holding = false;
  private readonly held: Array<() => void> = [];
  private readonly rejected = new Map<string, number>();

  private constructor(
    private readonly server: SMTPServer,
    readonly host: string,
    readonly port: number,
  ) {}

  static async start(options: DevSmtpServerOptions = {}): Promise<DevSmtpServer> {
    const host = options.host ?? '127.0.0.1';
    let instance: DevSmtpServer | undefined;
    const server = new SMTPServer({
      authOptional: true,
      // Plain text on loopback; STARTTLS would need a certificate for nothing.
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      // On close, drop lingering client connections at once instead of waiting 30 s.
      closeTimeout: 100,
      onMailFrom: (_address, _session, callback) => instance!.whenReleased(() => callback()),
      onRcptTo: (address, _session, callback) => {
        const code = instance!.rejected.get(address.address.toLowerCase());
        if (code === undefined) return callback();
        callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: code }));
      },
      onData: (stream, session, callback) => {
        instance!.receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    server.on('error', () => undefined);
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      const listener = server.listen(options.port ?? 0, host, () => {
        listener.off('error', onError);
        resolve(listener.address() as AddressInfo);
      });
      listener.once('error', onError);
    });
    instance = new DevSmtpServer(server, host, address.port);
    return instance;
  }

  /** `smtp://<host>:<port>`, for SMTP_URL. */
  get url(): string {
    return `smtp://${this.host}:${this.port}`;
  }

  /** Everything received so far, oldest first. */
  messages(): ReceivedEmail[] {
    return [...this.received];
  }

  /** Messages whose envelope includes `address`. */
  messagesTo(address: string): ReceivedEmail[] {
    const wanted = address.toLowerCase();
    return this.received.filter((email) => email.envelope.to.some((to) => to.toLowerCase() === wanted));
  }

  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(predicate: (email: ReceivedEmail) => boolean, timeoutMs = 15_000): Promise<ReceivedEmail> {
    const found = this.received.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, resolve: (email) => (clearTimeout(timer), resolve(email)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`no matching e-mail within ${timeoutMs} ms (${this.received.length} received)`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.received.length = 0;
  }

  /** Answers RCPT TO for `address` with `code` (e.g. 550): permanent-failure tests. */
  rejectRecipient(address: string, code = 550): void {
    this.rejected.set(address.toLowerCase(), code);
  }

  /**
   * Holds every new delivery at MAIL FROM (before any message data is sent) until
   * {@link release}: tests use it to catch senders mid-delivery.
   */
  hold(): void {
    this.holding = true;
  }

  /** Deliveries currently held. */
  get heldCount(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const resume of this.held.splice(0)) resume();
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private whenReleased(resume: () => void): void {
    if (this.holding) this.held.push(resume);
    else resume();
  }

  private async receive(stream: NodeJS.ReadableStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream as never);
    const email: ReceivedEmail = {
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      },
      from: addresses(parsed.from)[0] ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? null,
      receivedAt: new Date(),
    };
    this.received.push(email);
    const ready = this.waiters.filter((waiter) => waiter.predicate(email));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(email);
  }
}

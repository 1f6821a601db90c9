/**
 * Maps logical names (`catalog.product.created.v1`) to what goes on the wire, applying
 * the optional environment prefix. Every subject and stream name is built here.
 */
export class MessagingNames {
  private readonly subjectPrefix: string;
  private readonly streamPrefix: string;

  constructor(readonly prefix?: string) {
    this.subjectPrefix = prefix ? `${prefix}.` : '';
    this.streamPrefix = prefix ? `${prefix}_` : '';
  }

  /** The bounded context of a subject: its first token. */
  static contextOf(subject: string): string {
    return subject.split('.')[0];
  }

  eventSubject(subject: string): string {
    return `${this.subjectPrefix}${subject}`;
  }

  /** Requests live under `rpc.` so no event stream (`<context>.*.*.*`) ever captures one. */
  rpcSubject(subject: string): string {
    return `${this.subjectPrefix}rpc.${subject}`;
  }

  deadLetterSubject(consumer: string, subject: string): string {
    return `${this.subjectPrefix}dlq.${consumer}.${subject}`;
  }

  /** Filter for the dead letters of one consumer, or of all. */
  deadLetterFilter(consumer?: string): string {
    return `${this.subjectPrefix}dlq.${consumer ? `${consumer}.` : ''}>`;
  }

  /** `catalog` -> `CATALOG_EVENTS` */
  eventStream(context: string): string {
    return `${this.streamPrefix}${context.toUpperCase().replace(/-/g, '_')}_EVENTS`;
  }

  /**
   * Only four-token subjects of the context, the `<context>.<aggregate>.<event>.v<N>`
   * shape, so stray core-NATS traffic under the context name is not stored.
   */
  eventStreamSubjects(context: string): string[] {
    return [`${this.subjectPrefix}${context}.*.*.*`];
  }

  deadLetterStream(): string {
    return `${this.streamPrefix}DLQ`;
  }

  deadLetterStreamSubjects(): string[] {
    return [`${this.subjectPrefix}dlq.>`];
  }

  /** The logical subject of a wire subject, or undefined when it lacks this prefix. */
  logicalSubject(wireSubject: string): string | undefined {
    if (!wireSubject.startsWith(this.subjectPrefix)) return undefined;
    return wireSubject.slice(this.subjectPrefix.length);
  }
}

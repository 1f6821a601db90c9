/** How a service connects to NATS and how its outbox relay and consumers behave. */
export interface MessagingModuleOptions {
  /**
   * The service name: NATS connection name, RPC queue group and envelope `producer`.
   * A service may only publish the events whose catalog `producer` equals this name.
   */
  service: string;
  /** e.g. `['nats://127.0.0.1:4222']` */
  servers: string[];
  /**
   * Isolates everything on a shared server: subjects become `<prefix>.<subject>` and
   * streams `<prefix>_<NAME>`. Letters, digits, `_` and `-` only. Tests use a random one.
   */
  prefix?: string;
  connection?: Partial<ConnectionSettings>;
  streams?: Partial<StreamSettings>;
  consumers?: Partial<ConsumerSettings>;
  relay?: Partial<RelaySettings>;
  rpc?: Partial<RpcSettings>;
}

export interface ConnectionSettings {
  /** Timeout of the first connect (boot fails after it). */
  timeoutMs: number;
  /** Wait between reconnect attempts; reconnects go on forever. */
  reconnectTimeWaitMs: number;
  reconnectJitterMs: number;
  /** Timeout of the readiness ping. */
  readinessTimeoutMs: number;
}

export interface StreamSettings {
  /** Event retention in each context stream. */
  maxAgeMs: number;
  /** JetStream drops a second message with the same `Nats-Msg-Id` within this window. */
  duplicateWindowMs: number;
  /** Retention of dead letters. */
  deadLetterMaxAgeMs: number;
  replicas: number;
}

export interface ConsumerSettings {
  /** Deliveries before a failing message goes to the dead-letter stream. */
  maxDeliver: number;
  /** Redelivery delay after the n-th failure (the last value repeats). */
  backoffMs: number[];
  /** Time a handler has before JetStream redelivers the message elsewhere. */
  ackWaitMs: number;
  /** Messages pulled ahead per consumer; they are handled one at a time, in order. */
  batchSize: number;
  /** Processed event ids are kept this long for deduplication; at least the stream and DLQ retention. */
  inboxRetentionMs: number;
}

export interface RelaySettings {
  /** Off for services that never publish (they need no outbox table). */
  enabled: boolean;
  batchSize: number;
  /** Safety net when a NOTIFY is missed. */
  pollIntervalMs: number;
  /** Cap of the retry delay while NATS or Postgres is unavailable. */
  maxBackoffMs: number;
  publishTimeoutMs: number;
  /** Published rows are deleted after this long. */
  retentionMs: number;
  pruneIntervalMs: number;
}

export interface RpcSettings {
  defaultTimeoutMs: number;
}

export interface ResolvedMessagingOptions {
  service: string;
  servers: string[];
  prefix?: string;
  connection: ConnectionSettings;
  streams: StreamSettings;
  consumers: ConsumerSettings;
  relay: RelaySettings;
  rpc: RpcSettings;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export const MESSAGING_DEFAULTS = {
  connection: { timeoutMs: 5 * SECOND, reconnectTimeWaitMs: 1 * SECOND, reconnectJitterMs: 500, readinessTimeoutMs: 1 * SECOND },
  streams: { maxAgeMs: 7 * DAY, duplicateWindowMs: 2 * MINUTE, deadLetterMaxAgeMs: 14 * DAY, replicas: 1 },
  consumers: {
    maxDeliver: 5,
    backoffMs: [1 * SECOND, 5 * SECOND, 30 * SECOND, 2 * MINUTE],
    ackWaitMs: 30 * SECOND,
    batchSize: 5,
    inboxRetentionMs: 30 * DAY,
  },
  relay: {
    enabled: true,
    batchSize: 100,
    pollIntervalMs: 2 * SECOND,
    maxBackoffMs: 5 * SECOND,
    publishTimeoutMs: 5 * SECOND,
    retentionMs: 7 * DAY,
    pruneIntervalMs: 60 * MINUTE,
  },
  rpc: { defaultTimeoutMs: 3 * SECOND },
} as const satisfies Omit<ResolvedMessagingOptions, 'service' | 'servers' | 'prefix'>;

const NAME = /^[A-Za-z0-9_-]+$/;

/** Fills defaults and rejects options that would only fail later, with a message naming the key. */
export function resolveMessagingOptions(options: MessagingModuleOptions): ResolvedMessagingOptions {
  const problems: string[] = [];
  if (!NAME.test(options.service)) problems.push(`service "${options.service}" must match ${NAME}`);
  if (options.servers.length === 0) problems.push('servers must list at least one NATS URL');
  if (options.prefix !== undefined && !NAME.test(options.prefix)) problems.push(`prefix "${options.prefix}" must match ${NAME}`);
  const resolved: ResolvedMessagingOptions = {
    service: options.service,
    servers: options.servers,
    prefix: options.prefix || undefined,
    connection: { ...MESSAGING_DEFAULTS.connection, ...options.connection },
    streams: { ...MESSAGING_DEFAULTS.streams, ...options.streams },
    consumers: { ...MESSAGING_DEFAULTS.consumers, backoffMs: [...MESSAGING_DEFAULTS.consumers.backoffMs], ...options.consumers },
    relay: { ...MESSAGING_DEFAULTS.relay, ...options.relay },
    rpc: { ...MESSAGING_DEFAULTS.rpc, ...options.rpc },
  };
  if (resolved.consumers.maxDeliver < 1) problems.push('consumers.maxDeliver must be at least 1');
  if (resolved.consumers.backoffMs.length === 0) problems.push('consumers.backoffMs needs at least one delay');
  if (resolved.streams.duplicateWindowMs > resolved.streams.maxAgeMs) problems.push('streams.duplicateWindowMs must not exceed streams.maxAgeMs');
  // A replayed or redelivered event must still find its id in the inbox.
  if (resolved.consumers.inboxRetentionMs < Math.max(resolved.streams.maxAgeMs, resolved.streams.deadLetterMaxAgeMs)) {
    problems.push('consumers.inboxRetentionMs must be at least streams.maxAgeMs and streams.deadLetterMaxAgeMs');
  }
  if (problems.length) throw new Error(`invalid MessagingModule options: ${problems.join('; ')}`);
  return resolved;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Receives one call per message; the observability lib implements it (Prometheus counter). */
export interface MessagingMetricsSink {
  natsMessage(subject: string, direction: 'publish' | 'consume', outcome: 'ok' | 'error' | 'dead-letter' | 'duplicate'): void;
}

/** Optional provider token for the {@link MessagingMetricsSink}; without one metrics are dropped. */
export const MESSAGING_METRICS = Symbol('MESSAGING_METRICS');

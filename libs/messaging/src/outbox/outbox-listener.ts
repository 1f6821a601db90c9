import type { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { retryDelayMs } from '../backoff';

/** pg client settings for a dedicated connection to the same database as `dataSource` (`<app>-outbox` in pg_stat_activity). */
export function listenConnectionConfig(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as PostgresDataSourceOptions;
  const config: ClientConfig = {
    application_name: `${options.applicationName ?? 'mestres'}-outbox`,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  };
  if (options.url) config.connectionString = options.url;
  if (options.host) config.host = options.host;
  if (options.port) config.port = options.port;
  if (options.username) config.user = options.username;
  if (typeof options.password === 'string') config.password = options.password;
  if (options.database) config.database = options.database;
  if (options.ssl) config.ssl = options.ssl as ClientConfig['ssl'];
  return config;
}

/**
 * Holds one dedicated Postgres connection that LISTENs on the outbox channel (a pooled
 * connection cannot: notifications arrive on the session that listens). Reconnects with
 * backoff if Postgres drops it; the relay's poll covers the gap.
 */
export class OutboxListener {
  private client?: Client;
  private stopped = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
  ) {}

  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.config);
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (this.failures > 0) this.logger.log(`listening for outbox notifications again`);
      this.failures = 0;
      // Rows may have committed while we were not listening.
      this.onNotify();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.failures === 0) {
      this.logger.warn(`outbox notifications unavailable (${error?.message ?? 'connection ended'}); polling until Postgres is back`);
    }
    const delay = retryDelayMs(this.failures, 500, 10_000);
    this.failures += 1;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}

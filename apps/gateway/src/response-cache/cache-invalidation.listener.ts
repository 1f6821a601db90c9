import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { MessagingNames } from '@mestres/messaging';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { entityTag, subgraphTag } from './cache-tags';
import { InvalidationRegistry } from './invalidation-registry';
import { RESPONSE_CACHE_SETTINGS, type ResponseCacheSettings } from './response-cache.settings';

/** Gateways tell each other (every worker of every pod) which tags a mutation invalidated. */
const GATEWAY_INVALIDATION_SUBJECT = 'gateway.response-cache.invalidate';

/** Domain events that change cached data, and the tags each invalidates. */
const EVENT_TAGS: Array<{ subject: string; tags: (payload: Record<string, unknown>) => string[] }> = [
  // Product changes are rare (admin edits) and can move a product in or out of any listing,
  // sort order or price filter: every catalog-derived response goes.
  { subject: 'catalog.product.*.v1', tags: () => [subgraphTag('catalog')] },
  // Stock changes follow every checkout: only the responses showing that SKU or product go.
  // (The one page stock changes without either: an inStock-filtered listing a product comes
  // back to. The catalog gives those listings a 30 s max-age.)
  { subject: 'catalog.stock.*.v1', tags: (payload) => [payload.sku, payload.productId].filter((key): key is string => typeof key === 'string').map(entityTag) },
];

/**
 * Feeds the response cache's {@link InvalidationRegistry} from NATS. The gateway has no
 * database, so it cannot use the messaging lib's outbox/inbox consumers; it listens with a
 * plain core-NATS subscription on the event subjects (JetStream-published messages reach
 * core subscribers too). Core NATS delivers at most once: events sent while this process is
 * disconnected are lost. That is why the registry only trusts responses computed after the
 * subscription was (re)established, so the price of an outage is a colder cache, never a
 * stale price. A durable JetStream consumer would replay instead, but would need state the
 * gateway does not have (and an ephemeral one gains nothing over this).
 */
@Injectable()
export class CacheInvalidationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ResponseCache');
  private readonly names: MessagingNames;
  private connection?: NatsConnection;
  private stopped = false;
  private running?: Promise<void>;

  constructor(
    @Inject(RESPONSE_CACHE_SETTINGS) private readonly settings: ResponseCacheSettings,
    private readonly registry: InvalidationRegistry,
    private readonly metrics: GatewayMetrics,
  ) {
    this.names = new MessagingNames(settings.natsPrefix || undefined);
  }

  onModuleInit(): void {
    // Not awaited: the gateway serves (with a cold cache) while NATS is away.
    this.running = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.registry.distrustAll();
    const connection = this.connection;
    if (connection && !connection.isClosed()) await connection.drain().catch(() => connection.close());
    await this.running;
  }

  /** Applies a mutation's invalidation here at once, and tells the other gateways. */
  invalidateEverywhere(tags: string[]): void {
    this.registry.invalidate(tags);
    this.metrics.cacheInvalidated('mutation');
    if (this.connection && !this.connection.isClosed()) {
      this.connection.publish(this.names.eventSubject(GATEWAY_INVALIDATION_SUBJECT), JSON.stringify({ tags }));
    }
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped && !this.connection) {
      try {
        this.connection = await connect({ servers: this.settings.natsServers, name: 'gateway', reconnect: true, maxReconnectAttempts: -1, timeout: 2_000 });
      } catch (error) {
        if (attempt++ === 0) this.logger.warn(`cannot reach NATS (${(error as Error).message}); response cache stays cold until it can`);
        await sleep(Math.min(5_000, 200 * 2 ** Math.min(attempt, 5)), undefined, { ref: false });
      }
    }
    const connection = this.connection;
    if (!connection) return;
    if (this.stopped) {
      await connection.close();
      return;
    }
    for (const { subject, tags } of EVENT_TAGS) {
      connection.subscribe(this.names.eventSubject(subject), { callback: (error, message) => {
        if (!error) this.onEvent(message, tags);
      } });
    }
    connection.subscribe(this.names.eventSubject(GATEWAY_INVALIDATION_SUBJECT), {
      callback: (error, message) => {
        if (!error) this.onGatewayInvalidation(message);
      },
    });
    await connection.flush();
    this.registry.trustFrom();
    for await (const status of connection.status()) {
      // While the feed is down an invalidation may be missed: serve nothing from the cache.
      if (status.type === 'disconnect') {
        this.logger.warn('lost NATS: the response cache is bypassed until it is back');
        this.registry.distrustAll();
      }
      // Whatever was computed before now may have missed an invalidation.
      if (status.type === 'reconnect') this.registry.trustFrom();
    }
  }

  private onEvent(message: Msg, tagsOf: (payload: Record<string, unknown>) => string[]): void {
    const envelope = parse(message);
    const payload = envelope?.payload;
    const tags = payload && typeof payload === 'object' ? tagsOf(payload as Record<string, unknown>) : [];
    if (tags.length === 0) return;
    this.registry.invalidate(tags);
    this.metrics.cacheInvalidated('event');
  }

  private onGatewayInvalidation(message: Msg): void {
    const tags = parse(message)?.tags;
    if (Array.isArray(tags)) this.registry.invalidate(tags.filter((tag): tag is string => typeof tag === 'string'));
  }
}

function parse(message: Msg): Record<string, unknown> | undefined {
  try {
    return message.json<Record<string, unknown>>();
  } catch {
    return undefined;
  }
}

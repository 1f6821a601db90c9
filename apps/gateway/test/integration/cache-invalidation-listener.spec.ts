import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startNatsServer, uniqueSuffix, type TestNatsServer } from '@mestres/testing';
import { GatewayMetrics } from '../../src/metrics/gateway-metrics';
import { CacheInvalidationListener } from '../../src/response-cache/cache-invalidation.listener';
import { entityTag, subgraphTag } from '../../src/response-cache/cache-tags';
import { InvalidationRegistry } from '../../src/response-cache/invalidation-registry';
import type { ResponseCacheSettings } from '../../src/response-cache/response-cache.settings';

const envelope = (subject: string, payload: object) =>
  JSON.stringify({ eventId: '0190f0f0-0000-7000-8000-000000000000', subject, occurredAt: new Date().toISOString(), version: 1, producer: 'catalog', payload });

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting until ${what}`);
}

function settings(natsServers: string[], natsPrefix: string): ResponseCacheSettings {
  return { enabled: true, maxTtlSeconds: 300, l1MaxBytes: 1_000_000, maxEntryBytes: 1_000_000, natsServers, natsPrefix };
}

describe(CacheInvalidationListener.name, () => {
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  let publisher: NatsConnection;

  beforeAll(async () => {
    publisher = await connect({ servers: natsUrl });
  });

  afterAll(() => publisher.close());

  async function listening(prefix: string, servers = [natsUrl]) {
    const registry = new InvalidationRegistry(300_000);
    const listener = new CacheInvalidationListener(settings(servers, prefix), registry, new GatewayMetrics());
    listener.onModuleInit();
    await eventually(() => registry.trusting, 'the listener subscribed');
    return { registry, listener };
  }

  it('drops every catalog-derived response on a product event under its NATS prefix, and only there', async () => {
    const prefix = `t${uniqueSuffix()}`;
    const { registry, listener } = await listening(prefix);
    try {
      const before = Date.now() + 1;
      await sleep(5);
      expect(registry.isFresh(before, [subgraphTag('catalog')])).toBe(true);
      publisher.publish(`other${prefix}.catalog.product.price-changed.v1`, envelope('catalog.product.price-changed.v1', { productId: 'p1' }));
      // Another prefix's event must change nothing. NATS delivers one publisher's messages in
      // order, so once a later marker event under our prefix has landed, the other one would have.
      publisher.publish(`${prefix}.catalog.stock.changed.v1`, envelope('catalog.stock.changed.v1', { sku: 'MARKER-1', onHand: 1, reserved: 0, available: 1 }));
      await eventually(() => !registry.isFresh(before, [entityTag('MARKER-1')]), 'the marker event arrived');
      expect(registry.isFresh(before, [subgraphTag('catalog')])).toBe(true);
      publisher.publish(`${prefix}.catalog.product.price-changed.v1`, envelope('catalog.product.price-changed.v1', { productId: 'p1', sku: 'BRB-250' }));
      await eventually(() => !registry.isFresh(before, [subgraphTag('catalog')]), 'the catalog tag was invalidated');
      expect(registry.isFresh(before, [subgraphTag('courses')])).toBe(true);
    } finally {
      await listener.onModuleDestroy();
    }
  });

  it('drops only the responses showing a SKU when its stock changes', async () => {
    const prefix = `t${uniqueSuffix()}`;
    const { registry, listener } = await listening(prefix);
    try {
      const before = Date.now() + 1;
      await sleep(5);
      publisher.publish(`${prefix}.catalog.stock.changed.v1`, envelope('catalog.stock.changed.v1', { sku: 'BRB-250', onHand: 1, reserved: 0, available: 1 }));
      await eventually(() => !registry.isFresh(before, [entityTag('BRB-250')]), 'the SKU tag was invalidated');
      expect(registry.isFresh(before, [subgraphTag('catalog'), entityTag('OTHER-1')])).toBe(true);
    } finally {
      await listener.onModuleDestroy();
    }
  });

  it('tells the other gateway processes what a mutation invalidated', async () => {
    const prefix = `t${uniqueSuffix()}`;
    const here = await listening(prefix);
    const there = await listening(prefix);
    try {
      const before = Date.now() + 1;
      await sleep(5);
      here.listener.invalidateEverywhere([subgraphTag('orders')]);
      expect(here.registry.isFresh(before, [subgraphTag('orders')])).toBe(false);
      await eventually(() => !there.registry.isFresh(before, [subgraphTag('orders')]), 'the other process applied it');
    } finally {
      await Promise.all([here.listener.onModuleDestroy(), there.listener.onModuleDestroy()]);
    }
  });

  describe('when NATS goes away', () => {
    let server: TestNatsServer;

    beforeAll(async () => {
      server = await startNatsServer();
    });

    afterAll(() => server.dispose());

    it('distrusts everything computed before it reconnected, as events may have been missed', async () => {
      const { registry, listener } = await listening('outage', [server.url]);
      try {
        const computedBefore = Date.now() + 1;
        await sleep(5);
        expect(registry.isFresh(computedBefore, [subgraphTag('catalog')])).toBe(true);
        await server.stop();
        // While it is gone nothing is served from the cache, not even what was fresh.
        await eventually(() => !registry.trusting, 'the disconnect withdrew trust');
        await server.start();
        await eventually(() => registry.trusting, 'the reconnect restored trust');
        expect(registry.isFresh(computedBefore, [subgraphTag('catalog')])).toBe(false);
        await sleep(5);
        expect(registry.isFresh(Date.now(), [subgraphTag('catalog')])).toBe(true);
      } finally {
        await listener.onModuleDestroy();
      }
    });
  });
});

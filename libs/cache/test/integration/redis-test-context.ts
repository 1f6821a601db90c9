import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, waitForRedisReady } from '@mestres/cache';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One test's slice of the shared Redis: every client it hands out uses a random key prefix,
 * and `dispose()` closes them and deletes every key under that prefix.
 */
export class RedisTestContext {
  readonly keyPrefix = `test:cache:${randomUUID()}:`;
  private readonly clients: Redis[] = [];
  private readonly servers: Server[] = [];
  private readonly sockets: Socket[] = [];

  /** A ready, fail-fast client as apps get it, under this test's prefix. */
  async client(url = REDIS_URL): Promise<Redis> {
    const client = this.track(createRedisClient({ url, keyPrefix: this.keyPrefix, connectionName: 'cache-test' }));
    await waitForRedisReady(client);
    return client;
  }

  /** A client for a Redis that is not there: it keeps reconnecting and never becomes ready. */
  unreachableClient(): Redis {
    return this.track(createRedisClient({ url: 'redis://127.0.0.1:1', keyPrefix: this.keyPrefix }));
  }

  /** Plain client without prefix, for looking at what the code under test stored. */
  async raw(): Promise<Redis> {
    const client = this.track(new Redis(REDIS_URL, { lazyConnect: true }));
    await client.connect();
    return client;
  }

  /**
   * A TCP proxy to the real Redis that can stop relaying replies, to reproduce a Redis that
   * accepts commands but no longer answers (hung server, network partition after connect).
   */
  async freezableProxy(): Promise<{ url: string; freeze(): void }> {
    const target = new URL(REDIS_URL);
    let frozen = false;
    const server = createServer((downstream) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      this.sockets.push(downstream, upstream);
      downstream.pipe(upstream);
      upstream.on('data', (chunk) => {
        if (!frozen) downstream.write(chunk);
      });
      for (const socket of [downstream, upstream]) socket.on('error', () => undefined);
      downstream.on('close', () => upstream.destroy());
      upstream.on('close', () => downstream.destroy());
    });
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
    return { url: `redis://127.0.0.1:${address.port}`, freeze: () => (frozen = true) };
  }

  async dispose(): Promise<void> {
    const cleaner = new Redis(REDIS_URL, { lazyConnect: true });
    await cleaner.connect();
    try {
      let cursor = '0';
      do {
        const [next, keys] = await cleaner.scan(cursor, 'MATCH', `${this.keyPrefix}*`, 'COUNT', 500);
        if (keys.length > 0) await cleaner.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      cleaner.disconnect();
      await Promise.all(this.clients.map((client) => closeRedisClient(client, 200)));
      for (const socket of this.sockets) socket.destroy();
      for (const server of this.servers) server.close();
    }
  }

  private track(client: Redis): Redis {
    this.clients.push(client);
    return client;
  }
}

/** A promise plus the means to settle it from the test, to hold a loader mid-flight. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

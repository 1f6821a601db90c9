import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

function natsUrl(): string {
  return process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
}

async function withJetStream<T>(work: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: natsUrl() });
  try {
    return await work(await jetstreamManager(nc));
  } finally {
    await nc.close();
  }
}

async function streamsOf(jsm: JetStreamManager, natsPrefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const name of jsm.streams.names()) if (name.startsWith(`${natsPrefix}_`)) names.push(name);
  return names;
}

/**
 * The durable consumers under `natsPrefix` that have not acknowledged everything they were
 * sent (pending or in flight), described for a failure message; empty when all caught up.
 * Consumers ack after their handler committed, so an empty list means every event published
 * so far has had its effects (rows written, jobs enqueued, follow-up events in the outbox).
 */
export async function busyConsumers(natsPrefix: string): Promise<string[]> {
  return withJetStream(async (jsm) => {
    const busy: string[] = [];
    for (const stream of await streamsOf(jsm, natsPrefix)) {
      for await (const consumer of jsm.consumers.list(stream)) {
        if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) {
          busy.push(`${stream}/${consumer.name} (pending ${consumer.num_pending}, in flight ${consumer.num_ack_pending})`);
        }
      }
    }
    return busy;
  });
}

/** Polls {@link busyConsumers} until it is empty; throws after `timeoutMs`, naming the busy ones. */
export async function waitForIdleConsumers(natsPrefix: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = await busyConsumers(natsPrefix);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`consumers still busy after ${timeoutMs} ms: ${busy.join(', ')}`);
    await sleep(200);
  }
}

/** Deletes the JetStream streams (and so their consumers) a test created under `natsPrefix`. */
export async function deleteStreams(natsPrefix: string): Promise<void> {
  await withJetStream(async (jsm) => {
    for (const stream of await streamsOf(jsm, natsPrefix)) await jsm.streams.delete(stream);
  });
}

/** Deletes every Redis key under `redisPrefix` (queues, caches, rate limits of a test). */
export async function deleteRedisKeys(redisPrefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

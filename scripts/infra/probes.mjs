// Quick reachability checks for the three backing services. Each probe first tries a bare
// TCP connect, so "nothing listening" (start it ourselves) is told apart from "something
// listening that does not answer as expected" (a real problem to report).
import net from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';

export const PROBE_TIMEOUT_MS = 1500;

/** Resolves true when something accepts TCP connections on host:port. */
export function isListening(host, port, timeoutMs = PROBE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (listening) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function pingPostgres(url) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

export async function pingRedis(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const reply = await redis.ping();
    if (reply !== 'PONG') throw new Error(`PING answered ${JSON.stringify(reply)}`);
  } finally {
    redis.disconnect();
  }
}

export async function pingNats(url) {
  const nc = await connect({ servers: url, timeout: PROBE_TIMEOUT_MS, reconnect: false });
  try {
    const jsm = await jetstreamManager(nc, { timeout: PROBE_TIMEOUT_MS, checkAPI: false });
    await jsm.getAccountInfo().catch((error) => {
      throw new Error(`JetStream is not enabled (${error.message}); start nats-server with -js`);
    });
  } finally {
    await nc.close().catch(() => {});
  }
}

/**
 * The REAL catalog service, run in its own process (as in production) on a throwaway, migrated
 * and seeded schema and the same NATS prefix as the orders app under test: checkout talks to
 * the catalog's own request handlers (prices, stock) over NATS. In-process is not an option:
 * code-first GraphQL keeps type metadata per process, and both subgraphs declare ProductVariant.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { dropSchemas, testAdminUrl, uniqueSuffix } from '@mestres/testing';
import { natsUrl, redisUrl } from './infrastructure';

export interface CatalogHarness {
  schema: string;
  /** Active variants of a kind, by SKU, with their price. */
  skus(kind: 'COFFEE' | 'EQUIPMENT' | 'COURSE_SEAT', count: number): Promise<Array<{ sku: string; priceCents: number }>>;
  setStock(sku: string, onHand: number): Promise<void>;
  stock(sku: string): Promise<{ onHand: number; reserved: number }>;
  setPrice(sku: string, priceCents: number): Promise<void>;
  reservationStatus(orderId: string): Promise<string | null>;
  sql<T = Array<Record<string, any>>>(query: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}

const BOOT_TIMEOUT_MS = 60_000;

export async function startCatalog(options: { natsPrefix: string; natsServers?: string[] }): Promise<CatalogHarness> {
  const schema = `t_catalog_${uniqueSuffix()}`;
  const servers = options.natsServers ?? [natsUrl()];
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOGS ? 'info' : 'fatal',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '8',
    DATABASE_STATEMENT_TIMEOUT_MS: '15000',
    DATABASE_SLOW_QUERY_MS: '5000',
    REDIS_URL: redisUrl(),
    REDIS_PREFIX: `test:catalog:${options.natsPrefix}:`,
    NATS_URL: servers.join(','),
    NATS_PREFIX: options.natsPrefix,
    SHUTDOWN_GRACE_SECONDS: '0',
  };
  let child: ChildProcess | undefined;
  const boot = async () => {
    child = fork(path.join(__dirname, 'catalog-service.main.ts'), [], {
      env,
      execArgv: ['--require', path.join(__dirname, '../../../../scripts/register-ts.cjs')],
      stdio: process.env.TEST_LOGS ? 'inherit' : ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const ready = once(child, 'message');
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`catalog process exited with ${code} while starting:\n${stderr}`);
    });
    const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`catalog not ready after ${BOOT_TIMEOUT_MS} ms`)), BOOT_TIMEOUT_MS).unref());
    await Promise.race([ready, exited, timeout]);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await boot();

  const db = new DataSource({ type: 'postgres', url: testAdminUrl(), schema, extra: { options: `-c search_path="${schema}",public` }, poolSize: 4 });
  await db.initialize();
  const sql = <T>(query: string, params: unknown[] = []) => db.query(query, params) as Promise<T>;

  return {
    schema,
    sql,
    async skus(kind, count) {
      return sql(
        `SELECT v.sku, v.price_cents AS "priceCents" FROM product_variants v JOIN products p ON p.id = v.product_id
         WHERE p.status = 'ACTIVE' AND p.kind = $1 ORDER BY v.sku LIMIT $2`,
        [kind, count],
      );
    },
    async setStock(sku, onHand) {
      await sql(`UPDATE stock_levels SET on_hand = $2 WHERE sku = $1`, [sku, onHand]);
    },
    async stock(sku) {
      const rows = await sql<Array<{ onHand: number; reserved: number }>>(`SELECT on_hand AS "onHand", reserved FROM stock_levels WHERE sku = $1`, [sku]);
      return rows[0];
    },
    async setPrice(sku, priceCents) {
      await sql(`UPDATE product_variants SET price_cents = $2 WHERE sku = $1`, [sku, priceCents]);
    },
    async reservationStatus(orderId) {
      const rows = await sql<Array<{ status: string }>>(`SELECT status FROM stock_reservations WHERE order_id = $1`, [orderId]);
      return rows[0]?.status ?? null;
    },
    async close() {
      await stop();
      await db.destroy();
      await dropSchemas([schema]);
      const redis = new Redis(redisUrl());
      try {
        const keys = await redis.keys(`${env.REDIS_PREFIX}*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}

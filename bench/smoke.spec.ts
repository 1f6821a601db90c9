import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@mestres/config';
import { createTestDatabase, deleteStreams, startTestApp, testServiceEnv, type TestApp, type TestDatabase } from '@mestres/testing';
import { AppModule as CatalogApp } from '../apps/catalog/src/app.module';
import { catalogConfigSchema } from '../apps/catalog/src/config';
import { catalogDatabase } from '../apps/catalog/src/database';
import { seedCatalog } from '../apps/catalog/src/seed/seed-catalog';
import { AppModule as GatewayApp } from '../apps/gateway/src/app.module';
import { gatewayConfigSchema } from '../apps/gateway/src/config';
import { QUICK_FEDERATION, runBenchmarks, storefrontSettings } from './benchmarks';
import type { BenchmarkReport } from './report/markdown-report';

/**
 * The benchmark harness end to end in seconds: the federation benchmark with two gateways
 * and the storefront mix against a small mesh (the catalog and the gateway, booted here).
 * It checks that the harness runs and writes its report; the numbers mean nothing.
 */
describe('benchmark harness (smoke)', () => {
  let outDir: string;
  let db: TestDatabase;
  let catalog: TestApp;
  let gateway: TestApp;
  let natsPrefix: string;
  let report: BenchmarkReport;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    db = await createTestDatabase(catalogDatabase());
    await seedCatalog(db.tx);
    const env = testServiceEnv(db.schema);
    natsPrefix = env.NATS_PREFIX;
    catalog = await startTestApp('catalog', CatalogApp.forRoot(loadConfig('catalog', catalogConfigSchema, env)));
    gateway = await startTestApp(
      'gateway',
      GatewayApp.forRoot(
        loadConfig('gateway', gatewayConfigSchema, {
          ...testServiceEnv('unused'),
          NATS_PREFIX: natsPrefix,
          CATALOG_URL: catalog.graphqlUrl,
          COURSES_URL: 'http://127.0.0.1:9/graphql',
          USERS_URL: 'http://127.0.0.1:9/graphql',
          ORDERS_URL: 'http://127.0.0.1:9/graphql',
          RATE_LIMIT_PER_IP: '1000000',
        }),
      ),
    );
    report = await runBenchmarks({
      outDir,
      command: 'smoke test',
      federation: { ...QUICK_FEDERATION, fromDist: false },
      storefront: {
        ...storefrontSettings({ gatewayUrl: gateway.graphqlUrl }),
        metricsUrls: { gateway: `${gateway.baseUrl}/metrics`, catalog: `${catalog.baseUrl}/metrics` },
        connections: 4,
        warmupSeconds: 0,
        durationSeconds: 2,
        users: 1,
      },
      log: () => undefined,
    });
  }, 240_000);

  afterAll(async () => {
    await gateway?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
    await db?.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('measures every gateway of the federation benchmark after checking its response', () => {
    if ('skipped' in report.federation) throw new Error(`federation skipped: ${report.federation.skipped}`);
    expect(report.federation.results.map((result) => result.id)).toEqual(['apollo', 'mestres']);
    expect(report.federation.settings.responseBytes).toBeGreaterThan(80_000);
    for (const result of report.federation.results) {
      expect(result.requests).toBeGreaterThan(0);
      expect(result.errorRate).toBe(0);
    }
  });

  it('runs the storefront mix with the operations the mesh can serve, listing the others', () => {
    if ('skipped' in report.storefront) throw new Error(`storefront skipped: ${report.storefront.skipped}`);
    const served = report.storefront.operations.map((operation) => operation.name);
    expect(served).toEqual(expect.arrayContaining(['home', 'category', 'product']));
    expect(report.storefront.skippedOperations.map((operation) => operation.name)).toEqual(expect.arrayContaining(['courses']));
    expect(report.storefront.requests).toBeGreaterThan(0);
    expect(report.storefront.errorRate).toBe(0);
  });

  it('writes the JSON results, the markdown report and its charts', () => {
    const json = JSON.parse(readFileSync(path.join(outDir, 'latest.json'), 'utf8')) as BenchmarkReport;
    expect(json.command).toBe('smoke test');
    const markdown = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    expect(markdown).toContain('## 1. Federation benchmark');
    expect(markdown).toContain('## 2. Storefront mix');
    for (const chart of ['federation-throughput.svg', 'storefront-latency.svg']) {
      expect(existsSync(path.join(outDir, chart))).toBe(true);
      expect(markdown).toContain(`](${chart})`);
    }
  });
});

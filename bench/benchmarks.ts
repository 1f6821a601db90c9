import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFederationBenchmark, type FederationSettings } from './federation/federation-benchmark';
import type { GatewayId } from './federation/gateways';
import { barChartSvg } from './report/bar-chart';
import { markdownReport, type BenchmarkReport } from './report/markdown-report';
import { runStorefrontBenchmark, type StorefrontSettings } from './storefront/storefront-benchmark';
import { startStorefrontMesh } from './storefront/storefront-mesh';

export interface BenchmarkOptions {
  /** Where latest.json, README.md and the charts go. */
  outDir: string;
  /** What produced the report, e.g. `npm run bench`. */
  command: string;
  /** Undefined: skip the federation benchmark. */
  federation?: FederationSettings;
  /** Undefined: skip the storefront mix. */
  storefront?: StorefrontSettings;
  /**
   * Boot a whole mesh from dist/ for the storefront mix (its gateway URL and metrics replace
   * those in `storefront`); without it the mix targets an already running mesh.
   */
  storefrontMesh?: { products: number; gatewayWorkers: number };
  log?: (line: string) => void;
}

/** Full runs: a few minutes for the federation benchmark, a minute for the storefront mix. */
export const FULL_FEDERATION: Omit<FederationSettings, 'fromDist'> = {
  gateways: ['apollo', 'mestres', 'hive', 'hive-router', 'mestres-cached'],
  connections: 50,
  warmupSeconds: 5,
  durationSeconds: 20,
  rounds: 3,
  mestresWorkers: Math.max(1, Math.min(2, os.availableParallelism())),
};

/** Seconds: checks the harness end to end, measures nothing worth reading. */
export const QUICK_FEDERATION: Omit<FederationSettings, 'fromDist'> = {
  gateways: ['apollo', 'mestres'] satisfies GatewayId[],
  connections: 4,
  warmupSeconds: 0,
  durationSeconds: 2,
  rounds: 1,
  mestresWorkers: 1,
};

export function storefrontSettings(overrides: Partial<StorefrontSettings> = {}): StorefrontSettings {
  const gatewayUrl = overrides.gatewayUrl ?? process.env.STOREFRONT_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  const base = new URL(gatewayUrl);
  const local = (port: number) => `${base.protocol}//${base.hostname}:${port}/metrics`;
  return {
    gatewayUrl,
    metricsUrls: { gateway: `${base.origin}/metrics`, catalog: local(4001), orders: local(4002), courses: local(4003), users: local(4004) },
    connections: 64,
    warmupSeconds: 10,
    durationSeconds: 60,
    authenticatedShare: 0.3,
    users: 50,
    pacedShare: 0.5,
    readsOnlySeconds: 30,
    ...overrides,
  };
}

/** Runs what `options` asks for, writes the JSON, the markdown report and the charts, and returns the report. */
export async function runBenchmarks(options: BenchmarkOptions): Promise<BenchmarkReport> {
  const log = options.log ?? ((line: string) => process.stdout.write(`[bench] ${line}\n`));
  const loadAverageBefore = os.loadavg()[0];
  let federation: BenchmarkReport['federation'] = { skipped: 'not requested' };
  if (options.federation) {
    log('federation benchmark...');
    federation = await runFederationBenchmark(options.federation, log);
  }
  let storefront: BenchmarkReport['storefront'] = { skipped: 'not requested' };
  if (options.storefront) {
    // A failure ends the run before the report is written: a half report would replace the last good one.
    storefront = await runStorefront(options.storefront, options.storefrontMesh, log);
  }
  const cpus = os.cpus();
  const report: BenchmarkReport = {
    generatedAt: new Date().toISOString(),
    command: options.command,
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()}`,
      node: process.versions.node,
      loadAverageBefore,
      loadAverageAfter: os.loadavg()[0],
    },
    federation,
    storefront,
  };
  writeReport(options.outDir, report);
  log(`report written to ${options.outDir}`);
  return report;
}

async function runStorefront(settings: StorefrontSettings, meshOptions: BenchmarkOptions['storefrontMesh'], log: (line: string) => void) {
  if (!meshOptions) {
    log(`storefront mix against ${settings.gatewayUrl}...`);
    return runStorefrontBenchmark(settings, log);
  }
  const mesh = await startStorefrontMesh({ ...meshOptions, log });
  try {
    log(`storefront mix against the mesh's gateway (${meshOptions.gatewayWorkers} workers)...`);
    return await runStorefrontBenchmark({ ...settings, gatewayUrl: mesh.gatewayUrl, metricsUrls: mesh.metricsUrls }, log);
  } finally {
    await mesh.close();
  }
}

function writeReport(outDir: string, report: BenchmarkReport): void {
  mkdirSync(outDir, { recursive: true });
  const charts: { throughput?: string; cpu?: string; storefront?: string } = {};
  if (!('skipped' in report.federation)) {
    const results = report.federation.results;
    charts.throughput = 'federation-throughput.svg';
    writeFileSync(
      path.join(outDir, charts.throughput),
      barChartSvg({
        title: `Federation benchmark: requests per second (${report.federation.settings.connections} connections)`,
        unit: 'req/s',
        bars: results.map((result) => ({ label: result.label, value: result.requestsPerSecond, note: `p99 ${result.latencyMs.p99.toFixed(0)} ms`, highlight: result.id.startsWith('mestres') })),
      }),
    );
    if (results.every((result) => result.cpuSecondsPer1000 !== null)) {
      charts.cpu = 'federation-cpu.svg';
      writeFileSync(
        path.join(outDir, charts.cpu),
        barChartSvg({
          title: 'Federation benchmark: gateway CPU seconds per 1000 requests (lower is better)',
          unit: 's',
          bars: results.map((result) => ({ label: result.label, value: result.cpuSecondsPer1000!, highlight: result.id.startsWith('mestres') })),
        }),
      );
    }
  }
  if (!('skipped' in report.storefront)) {
    charts.storefront = 'storefront-latency.svg';
    writeFileSync(
      path.join(outDir, charts.storefront),
      barChartSvg({
        title: 'Storefront mix: p95 latency per operation',
        unit: 'ms',
        bars: report.storefront.operations.map((operation) => ({ label: operation.name, value: operation.latencyMs.p95, note: `${operation.requestsPerSecond.toFixed(0)} req/s` })),
      }),
    );
  }
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'README.md'), markdownReport(report, charts));
}

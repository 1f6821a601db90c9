import type { FederationResult, GatewayResult } from '../federation/federation-benchmark';
import type { StorefrontResult } from '../storefront/storefront-benchmark';
import { formatNumber } from './bar-chart';

/** Everything one `npm run bench` measured, as written to latest.json. */
export interface BenchmarkReport {
  generatedAt: string;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    os: string;
    node: string;
    /** 1-minute load average before and after: other work on the machine skews results. */
    loadAverageBefore: number;
    loadAverageAfter: number;
  };
  federation: FederationResult | { skipped: string };
  storefront: StorefrontResult | { skipped: string };
}

const ms = (value: number) => `${formatNumber(value)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(value < 0.01 && value > 0 ? 2 : 1)}%`;

/** The human-readable report (docs/benchmarks/README.md). */
export function markdownReport(report: BenchmarkReport, charts: { throughput?: string; cpu?: string; storefront?: string }): string {
  const lines = [
    '# Benchmarks',
    '',
    `Latest run: ${report.generatedAt}, \`${report.command}\`.`,
    '',
    `Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB, ${report.machine.os}, Node ${report.machine.node}. ` +
      `Load average (1 min) ${report.machine.loadAverageBefore.toFixed(2)} before and ${report.machine.loadAverageAfter.toFixed(2)} after the run: ` +
      'everything (load generator, subgraphs, gateways, Redis, NATS) shares these cores, and anything else running at the time takes from them.',
    '',
    ...federationSection(report.federation, charts),
    '',
    ...storefrontSection(report.storefront, charts.storefront),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function federationSection(federation: BenchmarkReport['federation'], charts: { throughput?: string; cpu?: string }): string[] {
  const head = ['## 1. Federation benchmark (public gateway benchmark shape)', ''];
  if ('skipped' in federation) return [...head, `Not run: ${federation.skipped}`];
  const { settings, results } = federation;
  const goal = goalCheck(results);
  return [
    ...head,
    `Four static subgraphs (accounts, inventory, products, reviews: \`bench/federation/subgraphs\`) in one process and the ` +
      `${(settings.responseBytes / 1000).toFixed(0)} KB query of graphql-hive/graphql-gateways-benchmark, through each gateway in turn. ` +
      `autocannon, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured, ` +
      `${settings.rounds} round(s) per gateway in rotating order; latency percentiles pooled over every response of every round. ` +
      `CPU pinning: ${settings.pinning ? `gateway on CPU ${settings.pinning.gateway}, subgraphs on ${settings.pinning.subgraphs}, load generator on ${settings.pinning.loadGenerator}` : 'none (all processes share all cores)'}. ` +
      'Every gateway must return the reference response (plain @apollo/gateway\'s) before it is measured; responses with GraphQL errors count as errors.',
    '',
    '| gateway | req/s | vs plain Apollo | p50 | p95 | p99 | CPU per 1000 req | cores used | subgraph calls per req | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (result) =>
        `| ${result.label} | ${formatNumber(result.requestsPerSecond)} | ${result.throughputRatio === null ? '–' : `${result.throughputRatio.toFixed(2)}x`} | ` +
        `${ms(result.latencyMs.p50)} | ${ms(result.latencyMs.p95)} | ${ms(result.latencyMs.p99)} | ` +
        `${result.cpuSecondsPer1000 === null ? '–' : `${formatNumber(result.cpuSecondsPer1000)} s`} | ${result.cpuCores === null ? '–' : result.cpuCores.toFixed(2)} | ` +
        `${result.subgraphCallsPerRequest.toFixed(1)} | ${percent(result.errorRate)} |`,
    ),
    '',
    ...(charts.throughput ? [`![Throughput per gateway](${charts.throughput})`, ''] : []),
    ...(charts.cpu ? [`![Gateway CPU per 1000 requests](${charts.cpu})`, ''] : []),
    'Configurations:',
    '',
    ...results.map((result) => `- **${result.label}**: ${result.configuration}.`),
    '',
    `Goal (this gateway at least 4x plain @apollo/gateway, with a lower p99 than every other gateway): **${goal}**.`,
    '',
    'Per round:',
    '',
    '| gateway | round | req/s | p99 | CPU per 1000 req |',
    '|---|---:|---:|---:|---:|',
    ...results.flatMap((result) =>
      result.rounds.map(
        (round, index) =>
          `| ${result.label} | ${index + 1} | ${formatNumber(round.requestsPerSecond)} | ${ms(round.latencyMs.p99)} | ${round.cpuSecondsPer1000 === null ? '–' : `${formatNumber(round.cpuSecondsPer1000)} s`} |`,
      ),
    ),
  ];
}

function goalCheck(results: GatewayResult[]): string {
  const ours = results.find((result) => result.id === 'mestres');
  const apollo = results.find((result) => result.id === 'apollo');
  if (!ours || !apollo) return 'not measured (needs this gateway and plain @apollo/gateway in the run)';
  const ratio = ours.requestsPerSecond / apollo.requestsPerSecond;
  const others = results.filter((result) => !result.id.startsWith('mestres'));
  const worseP99 = others.filter((result) => result.latencyMs.p99 <= ours.latencyMs.p99).map((result) => result.label);
  const throughput = ratio >= 4 ? `met (${ratio.toFixed(2)}x)` : `not met (${ratio.toFixed(2)}x)`;
  const p99 = worseP99.length === 0 ? 'lowest p99: met' : `lowest p99: not met (${worseP99.join(', ')} lower or equal)`;
  return `throughput ${throughput}; ${p99}`;
}

function storefrontSection(storefront: BenchmarkReport['storefront'], chart: string | undefined): string[] {
  const head = ['## 2. Storefront mix (the real mesh)', ''];
  if ('skipped' in storefront) return [...head, `Not run: ${storefront.skipped}`];
  const { settings } = storefront;
  const databases = Object.entries(storefront.databaseMs);
  return [
    ...head,
    `Against ${settings.gatewayUrl}: ${settings.connections} connections (${percent(settings.authenticatedShare)} signed-in customers, ${settings.users} registered), ` +
      `${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured. Catalog: ${storefront.catalog.products} products in ${storefront.catalog.categories} categories, ${storefront.catalog.skus} SKUs in stock.`,
    '',
    `Overall: **${formatNumber(storefront.requestsPerSecond)} req/s**, p50 ${ms(storefront.latencyMs.p50)}, p95 ${ms(storefront.latencyMs.p95)}, p99 ${ms(storefront.latencyMs.p99)}, ` +
      `errors ${percent(storefront.errorRate)}, gateway cache hit ratio ${storefront.cacheHitRatio === null ? '–' : percent(storefront.cacheHitRatio)}.`,
    '',
    '| operation | req/s | p50 | p95 | p99 | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...storefront.operations.map(
      (operation) =>
        `| ${operation.name} | ${formatNumber(operation.requestsPerSecond)} | ${ms(operation.latencyMs.p50)} | ${ms(operation.latencyMs.p95)} | ${ms(operation.latencyMs.p99)} | ${percent(operation.errorRate)} |`,
    ),
    '',
    ...(chart ? [`![Storefront latency per operation](${chart})`, ''] : []),
    ...(storefront.skippedOperations.length > 0 ? ['Left out of the mix (the mesh could not serve them):', '', ...storefront.skippedOperations.map((skip) => `- ${skip.name}: ${skip.reason}`), ''] : []),
    'Database query time per service (from each service\'s `mestres_db_query_duration_seconds`):',
    '',
    '| service | queries | mean | p95 |',
    '|---|---:|---:|---:|',
    ...databases.map(([service, time]) => (time ? `| ${service} | ${time.queries} | ${ms(time.mean)} | ${ms(time.p95)} |` : `| ${service} | – | – | – |`)),
    '',
    `Goals (1000 req/s overall, p95 under 150 ms, p99 under 200 ms, errors under 0.1%, cache hit ratio over 90% for reads): ` +
      [
        `req/s ${storefront.requestsPerSecond >= 1000 ? 'met' : 'not met'}`,
        `p95 ${storefront.latencyMs.p95 < 150 ? 'met' : 'not met'}`,
        `p99 ${storefront.latencyMs.p99 < 200 ? 'met' : 'not met'}`,
        `errors ${storefront.errorRate < 0.001 ? 'met' : 'not met'}`,
        `cache ${storefront.cacheHitRatio !== null && storefront.cacheHitRatio > 0.9 ? 'met' : 'not met'}`,
      ].join(', ') +
      '.',
  ];
}

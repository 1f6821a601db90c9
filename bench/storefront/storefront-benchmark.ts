import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { summarize, type LatencySummary } from '../support/load';
import { histogramDelta, scrapeMetrics, type ScrapedMetrics } from '../support/prometheus';
import { STOREFRONT_OPERATIONS, type StorefrontData, type StorefrontOperation } from './operations';

export interface StorefrontSettings {
  gatewayUrl: string;
  /** `/metrics` of the gateway and of each service whose database time is reported. */
  metricsUrls: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Share of connections that are signed-in customers (the rest are anonymous visitors). */
  authenticatedShare: number;
  /** Customers registered for the run. */
  users: number;
  /**
   * After the flat-out run, the same mix paced at this share of the throughput it reached
   * (0 to skip), for the latency the shop sees below saturation.
   */
  pacedShare: number;
  /** Then the anonymous visitors' part of the mix alone (reads only), flat out, for this long (0 to skip). */
  readsOnlySeconds: number;
}

export interface OperationResult {
  name: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  errorRate: number;
  /** Share of this operation's responses served from the gateway cache (null when never looked up). */
  cacheHitRatio: number | null;
  /** One failed response, as a hint of what went wrong. */
  sampleError?: string;
}

export interface StorefrontResult {
  settings: StorefrontSettings;
  catalog: { categories: number; products: number; skus: number };
  /** Operations left out of the mix, and why (a service not in the mesh yet, for instance). */
  skippedOperations: Array<{ name: string; reason: string }>;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  errorRate: number;
  operations: OperationResult[];
  /** Gateway response cache hits over lookups during the run, reads only. */
  cacheHitRatio: number | null;
  /** Mean and p95 of each service's database query time (its own histogram). */
  databaseMs: Record<string, { queries: number; mean: number; p95: number } | null>;
  /** CPU cores each service used during the run (process_cpu_seconds_total), gateway included. */
  cpuCores: Record<string, number | null>;
  /**
   * What one gateway request costs each service, the capacity plan's inputs: CPU milliseconds
   * (`k`) and GraphQL requests the service served (`f`, HTTP only: NATS RPC not counted).
   */
  perGatewayRequest: Record<string, { cpuMs: number | null; calls: number | null }>;
  /** The paced run (see `pacedShare`); absent when skipped. */
  paced?: PhaseResult & { targetRate: number };
  /** The anonymous read mix alone (see `readsOnlySeconds`); absent when skipped. */
  readsOnly?: PhaseResult;
}

/** The headline figures of one extra run of the mix. */
export interface PhaseResult {
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  errorRate: number;
  cacheHitRatio: number | null;
}

interface Sample {
  operation: string;
  ms: number;
  failed: boolean;
  /** The gateway's x-mestres-cache header: hit, miss or coalesced; absent when not looked up. */
  cache: string | undefined;
  /** The start of a failed response, for the report. */
  error?: string;
}

/**
 * The storefront mix against a running mesh (gateway and subgraphs), as the shop's front end
 * would load it: anonymous visitors browse, signed-in customers also look at their account,
 * add to cart and check out. Data (slugs, SKUs, search words) is discovered through the
 * gateway first, customers are registered through it, and operations the mesh cannot serve
 * yet are reported as skipped instead of failing the run.
 */
export async function runStorefrontBenchmark(settings: StorefrontSettings, log: (line: string) => void): Promise<StorefrontResult> {
  const data = await discover(settings.gatewayUrl);
  log(`storefront: ${data.categorySlugs.length} categories, ${data.productSlugs.length} products, ${data.skus.length} SKUs with plenty in stock`);
  const tokens = await registerCustomers(settings, log);
  const { available, skipped } = await probe(settings.gatewayUrl, data, tokens[0]);
  for (const { name, reason } of skipped) log(`storefront: skipping ${name}: ${reason}`);
  if (available.length === 0) throw new Error('no storefront operation can be served by this mesh');

  if (settings.warmupSeconds > 0) await run(settings, data, available, tokens, settings.warmupSeconds);
  const before = await scrapeAll(settings.metricsUrls);
  const { samples, seconds } = await run(settings, data, available, tokens, settings.durationSeconds);
  const after = await scrapeAll(settings.metricsUrls);
  const paced = settings.pacedShare > 0 ? await runPaced(settings, data, available, tokens, (samples.length / seconds) * settings.pacedShare, log) : undefined;
  const readsOnly = settings.readsOnlySeconds > 0 ? await runReadsOnly(settings, data, available, log) : undefined;

  const byOperation = new Map<string, Sample[]>();
  for (const sample of samples) byOperation.set(sample.operation, [...(byOperation.get(sample.operation) ?? []), sample]);
  return {
    settings,
    catalog: { categories: data.categorySlugs.length, products: data.productSlugs.length, skus: data.skus.length },
    skippedOperations: skipped,
    requests: samples.length,
    requestsPerSecond: samples.length / seconds,
    latencyMs: summarize(samples.map((sample) => sample.ms)),
    errorRate: samples.length === 0 ? 0 : samples.filter((sample) => sample.failed).length / samples.length,
    operations: available.map(({ name }) => {
      const own = byOperation.get(name) ?? [];
      return {
        name,
        requests: own.length,
        requestsPerSecond: own.length / seconds,
        latencyMs: summarize(own.map((sample) => sample.ms)),
        errorRate: own.length === 0 ? 0 : own.filter((sample) => sample.failed).length / own.length,
        cacheHitRatio: hitRatio(own),
        sampleError: own.find((sample) => sample.error)?.error,
      };
    }),
    cacheHitRatio: cacheHitRatio(before.gateway, after.gateway),
    cpuCores: Object.fromEntries(Object.keys(settings.metricsUrls).map((service) => [service, delta(before[service], after[service], 'process_cpu_seconds_total', seconds)])),
    perGatewayRequest: Object.fromEntries(
      Object.keys(settings.metricsUrls).map((service) => {
        const cpuSeconds = delta(before[service], after[service], 'process_cpu_seconds_total', 1);
        const calls = delta(before[service], after[service], 'mestres_http_request_duration_seconds_count', 1, { route: '/graphql' });
        return [service, { cpuMs: cpuSeconds === null || samples.length === 0 ? null : (cpuSeconds / samples.length) * 1000, calls: calls === null || samples.length === 0 ? null : calls / samples.length }];
      }),
    ),
    paced,
    readsOnly,
    databaseMs: Object.fromEntries(
      Object.keys(settings.metricsUrls)
        .filter((service) => service !== 'gateway')
        .map((service) => [service, databaseTime(before[service], after[service])]),
    ),
  };
}

/** How much a counter grew between two scrapes, per `per` (seconds, or 1 for the raw growth). */
function delta(before: ScrapedMetrics | undefined, after: ScrapedMetrics | undefined, name: string, per: number, labels?: Record<string, string>): number | null {
  return before && after ? (after.sum(name, labels) - before.sum(name, labels)) / per : null;
}

/** The mix again at a fixed overall rate, below what the flat-out run reached. */
async function runPaced(settings: StorefrontSettings, data: StorefrontData, operations: StorefrontOperation[], tokens: string[], rate: number, log: (line: string) => void) {
  const targetRate = Math.max(1, Math.round(rate));
  log(`storefront: paced at ${targetRate} req/s...`);
  const { samples, seconds } = await run(settings, data, operations, tokens, settings.durationSeconds, targetRate);
  return { targetRate, ...phaseResult(samples, seconds) };
}

/** Every connection an anonymous visitor: the read mix without the customers' private reads and writes. */
async function runReadsOnly(settings: StorefrontSettings, data: StorefrontData, operations: StorefrontOperation[], log: (line: string) => void): Promise<PhaseResult> {
  log('storefront: anonymous reads only...');
  const { samples, seconds } = await run({ ...settings, authenticatedShare: 0 }, data, operations, [], settings.readsOnlySeconds);
  return phaseResult(samples, seconds);
}

function phaseResult(samples: Sample[], seconds: number): PhaseResult {
  return {
    requestsPerSecond: samples.length / seconds,
    latencyMs: summarize(samples.map((sample) => sample.ms)),
    errorRate: samples.length === 0 ? 0 : samples.filter((sample) => sample.failed).length / samples.length,
    cacheHitRatio: hitRatio(samples),
  };
}

async function run(
  settings: StorefrontSettings,
  data: StorefrontData,
  operations: StorefrontOperation[],
  tokens: string[],
  seconds: number,
  overallRate?: number,
): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const signedIn = Math.round(settings.connections * settings.authenticatedShare);
  const anonymousMix = weighted(operations.filter((operation) => !operation.authenticated));
  const customerMix = weighted(operations);
  let connections = 0;

  const instance = autocannon({
    url: settings.gatewayUrl,
    connections: settings.connections,
    duration: seconds,
    timeout: 30,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ method: 'POST', body: '{}' }],
    // Once per connection: the first `signedIn` connections are customers (each with its own
    // token), the others anonymous visitors, for the whole run.
    setupClient: (client) => {
      const index = connections++;
      const token = index < signedIn && tokens.length > 0 ? tokens[index % tokens.length] : undefined;
      const mix = token ? customerMix : anonymousMix;
      const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      // A customer checks out what they put in the cart: with an empty cart they add to it
      // first, so every checkout has lines and anything but an order is a failure. (Each
      // signed-in connection has its own customer while signedIn <= users.)
      let cartLines = 0;
      const addToCart = operations.find((operation) => operation.name === 'add-to-cart');
      const next = () => {
        const operation = mix();
        return operation.name === 'checkout' && cartLines === 0 && addToCart ? addToCart : operation;
      };
      client.setRequests([
        {
          method: 'POST',
          setupRequest: (request, context) => {
            const operation = next();
            context.operation = operation.name;
            context.startedAt = performance.now();
            return { ...request, method: 'POST', headers, body: JSON.stringify({ query: operation.query, variables: operation.variables(data, popular) }) };
          },
          onResponse: (status, body, context, responseHeaders) => {
            const operation = context.operation as string;
            const ordered = operation !== 'checkout' || body.includes('"__typename":"Order"');
            const failed = status !== 200 || body.includes('"errors"') || !ordered;
            if (!failed && operation === 'add-to-cart') cartLines++;
            if (!failed && operation === 'checkout') cartLines = 0;
            samples.push({
              operation,
              ms: performance.now() - (context.startedAt as number),
              failed,
              cache: responseHeaders?.['x-mestres-cache'],
              error: failed ? `${status} ${body.slice(0, 300)}` : undefined,
            });
          },
        },
      ]);
    },
  });
  const result = await instance;
  return { samples, seconds: result.duration };
}

function hitRatio(samples: Sample[]): number | null {
  const looked = samples.filter((sample) => sample.cache !== undefined);
  return looked.length === 0 ? null : looked.filter((sample) => sample.cache === 'hit').length / looked.length;
}

/**
 * Picks an item, favouring the first ones the way shop traffic favours popular products: the
 * first 10% of the list get about half of the picks, the first half about 80%.
 */
function popular<T>(items: T[]): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * Math.random() ** 3))];
}

/** A picker returning operations in proportion to their weight. */
function weighted(operations: StorefrontOperation[]): () => StorefrontOperation {
  const total = operations.reduce((sum, operation) => sum + operation.weight, 0);
  return () => {
    let roll = Math.random() * total;
    for (const operation of operations) {
      roll -= operation.weight;
      if (roll < 0) return operation;
    }
    return operations[operations.length - 1];
  };
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

async function discover(url: string): Promise<StorefrontData> {
  type CategoryTree = { slug: string; children?: CategoryTree[] };
  const categories = await graphql<{ categories: CategoryTree[] }>(url, '{ categories { slug children { slug children { slug } } } }');
  const categorySlugs: string[] = [];
  const walk = (nodes: CategoryTree[] = []) => nodes.forEach((node) => (categorySlugs.push(node.slug), walk(node.children)));
  walk(categories.data?.categories);
  const products: Array<{ slug: string; name: string; variants: Array<{ sku: string; availableQuantity: number }> }> = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result: { data?: { products: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: (typeof products)[number] }> } } } = await graphql(
      url,
      'query($after: String) { products(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug name variants { sku availableQuantity } } } } }',
      { after },
    );
    const connection = result.data?.products;
    if (!connection) break;
    products.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  if (products.length === 0) throw new Error(`cannot list products through ${url}: is the mesh running and seeded?`);
  const words = new Set(products.flatMap((product) => product.name.toLowerCase().split(/[^\p{L}]+/u)).filter((word) => word.length >= 4));
  return {
    categorySlugs,
    productSlugs: products.map((product) => product.slug),
    // Plenty in stock, so a run's carts do not sell a SKU out (course seats come in tens).
    skus: products.flatMap((product) => product.variants.filter((variant) => variant.availableQuantity >= 100).map((variant) => variant.sku)),
    searchTerms: [...words].slice(0, 200),
  };
}

async function registerCustomers(settings: StorefrontSettings, log: (line: string) => void): Promise<string[]> {
  if (settings.authenticatedShare <= 0 || settings.users <= 0) return [];
  const run = Date.now().toString(36);
  const tokens: string[] = [];
  for (let index = 0; index < settings.users; index++) {
    const result = await graphql<{ register: { accessToken: string } }>(
      settings.gatewayUrl,
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      { input: { email: `bench-${run}-${index}@example.com`, password: `Bench-Coffee-${run}-9!`, name: `Cliente ${index}` } },
    );
    if (!result.data?.register) {
      log(`storefront: cannot register customers (${result.errors?.[0]?.message ?? 'no answer'}); signed-in operations are skipped`);
      return tokens;
    }
    tokens.push(result.data.register.accessToken);
  }
  return tokens;
}

/** Runs each operation once; those the mesh cannot serve are left out of the mix. */
async function probe(url: string, data: StorefrontData, token: string | undefined): Promise<{ available: StorefrontOperation[]; skipped: Array<{ name: string; reason: string }> }> {
  const available: StorefrontOperation[] = [];
  const skipped: Array<{ name: string; reason: string }> = [];
  const pick = <T>(items: T[]): T => items[0];
  for (const operation of STOREFRONT_OPERATIONS) {
    if (operation.authenticated && !token) {
      skipped.push({ name: operation.name, reason: 'no signed-in customer (registration unavailable)' });
      continue;
    }
    if (operation.name === 'add-to-cart' && data.skus.length === 0) {
      skipped.push({ name: operation.name, reason: 'no SKU in stock' });
      continue;
    }
    const result = await graphql(url, operation.query, operation.variables(data, pick), operation.authenticated ? token : undefined);
    const error = result.errors?.[0];
    if (error) skipped.push({ name: operation.name, reason: `${error.extensions?.code ?? 'ERROR'}: ${error.message.slice(0, 160)}` });
    else available.push(operation);
  }
  return { available, skipped };
}

async function scrapeAll(urls: Record<string, string>): Promise<Record<string, ScrapedMetrics | undefined>> {
  const entries = await Promise.all(Object.entries(urls).map(async ([service, url]) => [service, await scrapeMetrics(url).catch(() => undefined)] as const));
  return Object.fromEntries(entries);
}

function cacheHitRatio(before: ScrapedMetrics | undefined, after: ScrapedMetrics | undefined): number | null {
  if (!before || !after) return null;
  const count = (metrics: ScrapedMetrics, result: string) => metrics.sum('mestres_gateway_response_cache_requests_total', { result });
  const hits = count(after, 'hit') - count(before, 'hit');
  const lookups = hits + count(after, 'miss') - count(before, 'miss') + count(after, 'error') - count(before, 'error');
  return lookups > 0 ? hits / lookups : null;
}

function databaseTime(before: ScrapedMetrics | undefined, after: ScrapedMetrics | undefined): { queries: number; mean: number; p95: number } | null {
  if (!before || !after) return null;
  const delta = histogramDelta(before, after, 'mestres_db_query_duration_seconds');
  if (delta.count === 0) return null;
  return { queries: delta.count, mean: (delta.sum / delta.count) * 1000, p95: delta.quantile(0.95) * 1000 };
}

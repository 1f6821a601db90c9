/**
 * Checkout benchmark: checkouts per second and latency percentiles of the orders service against
 * the real catalog (its stock RPC and prices over NATS).
 *
 *   npm run build
 *   npm start                       # or: the catalog and orders services, migrated and seeded
 *   node dist/apps/orders/bench/checkout.bench.js
 *
 * First BENCH_CHECKOUTS customers each get one unit of a seeded coffee in their cart (timed
 * separately: the cart phase); then BENCH_CONCURRENCY of them at a time check out with the test
 * card that succeeds, and only those checkout mutations are timed. Requests go straight to the
 * orders subgraph with gateway-signed identity headers, so the gateway's own cost is not part of
 * the figure. Stock of the SKUs used is topped up first through the catalog's adjustStock admin
 * mutation.
 *
 * Environment: ORDERS_URL (http://127.0.0.1:4002/graphql), CATALOG_URL (http://127.0.0.1:4001/graphql),
 * INTERNAL_AUTH_SECRET (the development default), BENCH_CHECKOUTS (1500), BENCH_CONCURRENCY (16),
 * BENCH_SKUS (40).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Role, signIdentity, type CallerIdentity } from '@mestres/auth';

const ordersUrl = process.env.ORDERS_URL ?? 'http://127.0.0.1:4002/graphql';
const catalogUrl = process.env.CATALOG_URL ?? 'http://127.0.0.1:4001/graphql';
const secret = process.env.INTERNAL_AUTH_SECRET ?? 'dev-only-internal-auth-secret-change-me-000';
const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 1500);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const skuCount = Number(process.env.BENCH_SKUS ?? 40);

interface GraphqlBody<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, caller: CallerIdentity): Promise<GraphqlBody<T>> {
  // Signed per request: identity headers are only valid for 60 s.
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signIdentity(caller, secret) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlBody<T>;
}

const admin: CallerIdentity = { userId: randomUUID(), roles: [Role.ADMIN] };

async function prepareSkus(): Promise<string[]> {
  const listed = await graphql<{ products: { edges: Array<{ node: { variants: Array<{ sku: string }> } }> } }>(
    catalogUrl,
    `query($first: Int) { products(first: $first, filter: { kinds: [COFFEE] }) { edges { node { variants { sku } } } } }`,
    { first: 100 },
    admin,
  );
  if (!listed.data) throw new Error(`cannot list catalog products: ${JSON.stringify(listed.errors)}`);
  const skus = listed.data.products.edges.flatMap((edge) => edge.node.variants.map((variant) => variant.sku)).slice(0, skuCount);
  if (skus.length === 0) throw new Error('the catalog has no coffee: run `npm run seed`');
  for (const sku of skus) {
    const adjusted = await graphql(
      catalogUrl,
      `mutation($sku: String!) { adjustStock(sku: $sku, delta: 100000, reason: RECEIVED, note: "checkout benchmark") { sku } }`,
      { sku },
      admin,
    );
    if (adjusted.errors) throw new Error(`cannot top up ${sku}: ${adjusted.errors[0].message}`);
  }
  return skus;
}

const ADD = `mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename id } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { __typename ... on Order { id status } ... on ErrorResult { code } } }`;

interface Phase {
  latenciesMs: number[];
  outcomes: Map<string, number>;
  elapsedSeconds: number;
}

/** Runs `work` for every item, `concurrency` at a time, timing each call. */
async function runPhase<T>(items: T[], work: (item: T) => Promise<string>): Promise<Phase> {
  const phase: Phase = { latenciesMs: [], outcomes: new Map(), elapsedSeconds: 0 };
  const queue = [...items];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const begun = performance.now();
        const outcome = await work(item);
        phase.latenciesMs.push(performance.now() - begun);
        phase.outcomes.set(outcome, (phase.outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  phase.elapsedSeconds = (performance.now() - started) / 1000;
  return phase;
}

const outcomeOf = (body: GraphqlBody<Record<string, { __typename?: string; status?: string }>>, field: string) =>
  body.errors ? `error:${body.errors[0].extensions?.code ?? body.errors[0].message}` : `${body.data![field].__typename}${body.data![field].status ? `:${body.data![field].status}` : ''}`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(name: string, phase: Phase, ok: string): void {
  const sorted = [...phase.latenciesMs].sort((a, b) => a - b);
  const format = (ms: number) => `${ms.toFixed(1)} ms`;
  const succeeded = phase.outcomes.get(ok) ?? 0;
  console.log(`${name}: ${succeeded} in ${phase.elapsedSeconds.toFixed(1)} s = ${(succeeded / phase.elapsedSeconds).toFixed(1)}/s`);
  console.log(`  latency p50 ${format(percentile(sorted, 50))}, p95 ${format(percentile(sorted, 95))}, p99 ${format(percentile(sorted, 99))}, max ${format(sorted.at(-1) ?? Number.NaN)}`);
  console.log(`  outcomes: ${[...phase.outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`);
}

async function main(): Promise<void> {
  console.log(`checkout benchmark: ${checkouts} customers, ${concurrency} at a time`);
  const skus = await prepareSkus();
  console.log(`topped up ${skus.length} SKUs`);
  const customers = Array.from({ length: checkouts }, (): CallerIdentity => ({ userId: randomUUID(), roles: [Role.CUSTOMER] }));

  const carts = await runPhase(customers, async (caller) => {
    const sku = skus[Math.floor(Math.random() * skus.length)];
    return outcomeOf(await graphql(ordersUrl, ADD, { input: { sku, quantity: 1 } }, caller), 'addToCart');
  });
  report('carts filled (addToCart)', carts, 'Cart');

  const paid = await runPhase(customers, async (caller) =>
    outcomeOf(await graphql(ordersUrl, CHECKOUT, { input: { idempotencyKey: randomUUID(), paymentToken: '4242424242424242' } }, caller), 'checkout'),
  );
  report('paid checkouts', paid, 'Order:PAID');
}

main().catch((error: unknown) => {
  console.error(`checkout benchmark failed: ${(error as Error).message}`);
  process.exit(1);
});

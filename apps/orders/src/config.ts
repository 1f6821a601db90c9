import { baseSchema, databaseSchema, env, z } from '@mestres/config';

export const ordersConfigSchema = baseSchema.extend(databaseSchema('orders').shape).extend({
  PORT: env.port(4002),
  /** Development only: where to write this subgraph's SDL for `npm run compose`. */
  GRAPHQL_SCHEMA_FILE: z.string().optional(),
  INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
  /** Shipping charged on carts with physical goods (coffee, equipment), in cents. */
  SHIPPING_FLAT_CENTS: env.int(2_500, 0),
  /** Subtotal from which shipping is free, in cents; 0 means shipping is never free. */
  FREE_SHIPPING_THRESHOLD_CENTS: env.int(20_000, 0),
  /** An order not paid within this time is cancelled and its stock released. */
  ORDER_PAYMENT_TTL_SECONDS: env.int(15 * 60, 1),
  /** Months of order partitions kept ready after the current one (boot and nightly maintenance). */
  ORDER_PARTITIONS_MONTHS_AHEAD: env.int(3, 0),
  /** Timeout of each request to the catalog (prices, stock). */
  CATALOG_RPC_TIMEOUT_MS: env.int(2_000, 1),
  /**
   * How long a checkout may hold its idempotency key before a retry with the same key may take
   * the saga over (a crashed replica never blocks a key forever).
   */
  CHECKOUT_LEASE_SECONDS: env.int(30, 1),
  /** Payment provider adapter; only the sandbox ships. */
  PAYMENT_PROVIDER: z.enum(['sandbox']).default('sandbox'),
  /** Shared secret of the provider's webhook signatures (HMAC-SHA256). */
  PAYMENT_WEBHOOK_SECRET: env.secret('dev-only-payment-webhook-secret-change-me'),
  /** Webhooks signed longer ago than this (or this far in the future) are refused as replays. */
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: env.int(300, 1),
  /** Timeout of one call to the payment provider; a timeout counts as a transient failure. */
  PAYMENT_TIMEOUT_MS: env.int(5_000, 1),
  /** Charge attempts on transient provider failures before the order is cancelled. */
  PAYMENT_MAX_ATTEMPTS: env.int(3, 1),
  /** Simulated latency of the sandbox provider, to make local benchmarks honest. */
  SANDBOX_PAYMENT_LATENCY_MS: env.int(0, 0),
  /** Concurrency of the worker running order expiry and stock commit/release retries. */
  ORDER_TASKS_CONCURRENCY: env.int(5, 1),
});

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

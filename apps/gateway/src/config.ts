import { availableParallelism } from 'node:os';
import { accessTokenVerifierConfigSchema } from '@mestres/auth';
import { baseSchema, env, z } from '@mestres/config';
import { cgroupCpuLimit } from './cluster/cgroup-cpu-limit';

const optionalHttpUrl = env.optionalUrl(['http', 'https']);

export const gatewayConfigSchema = baseSchema
  .extend(accessTokenVerifierConfigSchema.shape)
  .extend({
    PORT: env.port(4000),
    /** Static supergraph composed by `npm run compose` (relative to the working directory). */
    SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql'),
    /** Subgraph URLs; when unset, the URL recorded in the supergraph (local ports) is used. */
    CATALOG_URL: optionalHttpUrl,
    ORDERS_URL: optionalHttpUrl,
    COURSES_URL: optionalHttpUrl,
    USERS_URL: optionalHttpUrl,
    JOBS_URL: optionalHttpUrl,
    /** A subgraph fetch slower than this is aborted and reported as a partial-data error. */
    SUBGRAPH_TIMEOUT_MS: env.int(5000, 50),
    /** Per-subgraph exceptions to SUBGRAPH_TIMEOUT_MS, e.g. `orders=8000,catalog=2000`. */
    SUBGRAPH_TIMEOUT_OVERRIDES: env
      .list([])
      .refine((entries) => entries.every((entry) => /^[a-z][a-z0-9-]*=\d+$/.test(entry) && Number(entry.split('=')[1]) >= 50), 'must be a list of <subgraph>=<milliseconds>, each at least 50'),
    /** Keep-alive connections kept open to each subgraph, per worker. */
    SUBGRAPH_MAX_SOCKETS: env.int(64, 1),
    /** Merge identical subgraph fetches (same query, variables and caller) that are in flight at once. */
    SUBGRAPH_FETCH_DEDUPE: env.bool(true),
    /** Consecutive failures (network error, timeout, 5xx) that open a subgraph's circuit. */
    CIRCUIT_FAILURE_THRESHOLD: env.int(5, 1),
    /** How long an open circuit fails fast before letting a probe through (half-open). */
    CIRCUIT_OPEN_MS: env.int(10_000, 100),
    /** Probe fetches allowed at once while half-open; one success closes the circuit. */
    CIRCUIT_HALF_OPEN_PROBES: env.int(1, 1),
    /** Serve GraphiQL at GET /graphql (defaults to on outside production). */
    GRAPHIQL: z.enum(['true', 'false']).optional(),
    /** Allow schema introspection (defaults to on outside production). */
    INTROSPECTION: z.enum(['true', 'false']).optional(),
    /** HMAC key shared with the subgraphs to sign the forwarded caller identity. */
    INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
    /** Largest accepted request body. */
    BODY_LIMIT_BYTES: env.int(1_048_576, 1024),
    /** Largest accepted `variables` object, as JSON. */
    VARIABLES_LIMIT_BYTES: env.int(65_536, 256),
    /** Operation limits, checked after validation and before query planning. */
    QUERY_MAX_DEPTH: env.int(15, 1),
    QUERY_MAX_ALIASES: env.int(30, 0),
    QUERY_MAX_ROOT_FIELDS: env.int(20, 1),
    QUERY_MAX_COST: env.int(50_000, 1),
    /** Size assumed for a list field without a `first`/`last`/`limit` argument, when estimating cost. */
    QUERY_COST_DEFAULT_LIST_SIZE: env.int(10, 1),
    /** Automatic persisted queries, stored in Redis for this long. */
    APQ_ENABLED: env.bool(true),
    APQ_TTL_SECONDS: env.int(86_400, 60),
    /**
     * Safelist mode: an Apollo persisted-query manifest (JSON). When set, only its operations
     * run, whether sent by hash or in full; APQ registration is off.
     */
    SAFELIST_MANIFEST_PATH: z.string().optional().transform((value) => value || undefined),
    /** Sliding-window rate limits in Redis; a client over a limit gets 429 with `retry-after`. */
    RATE_LIMIT_ENABLED: env.bool(true),
    RATE_LIMIT_WINDOW_SECONDS: env.int(60, 1),
    RATE_LIMIT_PER_IP: env.int(1200, 1),
    RATE_LIMIT_PER_USER: env.int(600, 1),
    /**
     * Reverse proxies in front of the gateway (the ingress): the client IP is that many entries
     * from the right of `x-forwarded-for`. 0 trusts no header and uses the socket address.
     */
    TRUSTED_PROXY_HOPS: env.int(0, 0),
    /** Origins allowed to call the API from a browser; empty allows none. */
    CORS_ORIGINS: env.list([]),
    /** Response cache for public responses (Redis, with an in-process LRU in front). */
    RESPONSE_CACHE_ENABLED: env.bool(true),
    /** Upper bound for a cached response's life, whatever the subgraphs' hints say. */
    RESPONSE_CACHE_MAX_TTL_SECONDS: env.int(300, 1),
    /** Size of the in-process layer, per worker. */
    RESPONSE_CACHE_L1_MB: env.int(64, 1),
    /** Responses larger than this are not cached. */
    RESPONSE_CACHE_MAX_ENTRY_BYTES: env.int(1_048_576, 1024),
    /** Brotli/gzip for responses at least this large (when the client accepts it); 0 disables. */
    COMPRESSION_MIN_BYTES: env.int(1024, 0),
    /** Memory for cached query plans, per worker. */
    QUERY_PLAN_CACHE_MB: env.int(30, 1),
    /** Worker processes (Node cluster). Default: the CPUs available in production, 1 elsewhere. */
    GATEWAY_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
    /**
     * V8 young-generation semi-space of each worker, in MB (--max-semi-space-size); 0 keeps
     * V8's default (16). Every request allocates a large, short-lived result tree: a bigger
     * nursery means far fewer scavenges, for about three times this much more memory per worker.
     */
    GATEWAY_SEMI_SPACE_MB: env.int(64, 0),
  })
  .transform((config) => ({
    ...config,
    graphiql: config.GRAPHIQL ? config.GRAPHIQL === 'true' : config.NODE_ENV !== 'production',
    introspection: config.INTROSPECTION ? config.INTROSPECTION === 'true' : config.NODE_ENV !== 'production',
    subgraphTimeoutOverridesMs: Object.fromEntries(config.SUBGRAPH_TIMEOUT_OVERRIDES.map((entry) => entry.split('=')).map(([name, ms]) => [name, Number(ms)])),
    workers: config.GATEWAY_WORKERS ?? (config.NODE_ENV === 'production' ? defaultWorkerCount() : 1),
    /** A primary supervising workers: always in production (restarts, V8 flags), else only for several workers. */
    clustered: config.NODE_ENV === 'production' || (config.GATEWAY_WORKERS ?? 1) > 1,
  }));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** One worker per CPU the container may use (its cgroup quota), at least one. */
function defaultWorkerCount(): number {
  const limit = cgroupCpuLimit();
  return Math.max(1, Math.min(availableParallelism(), limit === undefined ? Infinity : Math.ceil(limit)));
}

import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayCachePolicy, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../gateway-context';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { CircuitBreaker, type CircuitBreakerSettings } from './circuit-breaker';
import { dedupeRepresentations, expandEntities } from './entity-dedupe';
import { subgraphUnavailable } from './subgraph-errors';
import { SubgraphFetchError, SubgraphHttpClient, type SubgraphHttpResponse } from './subgraph-http-client';

/** Headers a client may never set itself: only the gateway signs identity. */
export const IDENTITY_HEADER_PREFIX = 'x-mestres-identity';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  maxSockets: number;
  /** Merge identical fetches that are in flight at the same time. */
  dedupe: boolean;
  circuit: CircuitBreakerSettings;
  metrics: GatewayMetrics;
}

const MUTATION = /^\s*mutation\b/;

/**
 * Calls one subgraph for the gateway's query plans, in place of Apollo's
 * RemoteGraphQLDataSource (whose fetch stack costs more CPU than the plan execution itself):
 *
 * - forwards the gateway-signed caller identity and client IP (never a client's headers) and
 *   the request id; trace context is added by the OpenTelemetry http instrumentation;
 * - pooled keep-alive connections and a deadline per call ({@link SubgraphHttpClient});
 * - a circuit breaker: while the subgraph is failing, its fetches fail at once and the
 *   client gets the rest of the response plus a SERVICE_UNAVAILABLE error naming it;
 * - each distinct entity representation is sent once ({@link dedupeRepresentations});
 * - identical fetches in flight at the same moment (same operation, variables and caller)
 *   share one HTTP call; each gets its own parse of the body, because the executor mutates
 *   what it merges. Mutations are never shared;
 * - honours the subgraph's `Cache-Control` (max-age, public/private) in the operation's
 *   cache policy, as RemoteGraphQLDataSource does: no max-age means not cacheable.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly client: SubgraphHttpClient;
  private readonly breaker: CircuitBreaker;
  private readonly inFlight = new Map<string, Promise<SubgraphHttpResponse>>();

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.client = new SubgraphHttpClient({ url: options.url, timeoutMs: options.timeoutMs, maxSockets: options.maxSockets });
    this.breaker = new CircuitBreaker(options.circuit, (state) => options.metrics.circuitChanged(options.name, state));
    options.metrics.circuitChanged(options.name, 'closed');
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const incoming = isIncoming(options) ? options.incomingRequestContext : undefined;
    const context = incoming?.context;
    const mutation = MUTATION.test(request.query);
    context?.fetches?.subgraphs.add(this.options.name);
    if (mutation) context?.fetches?.mutated.add(this.options.name);

    const deduped = dedupeRepresentations(request.variables?.representations);
    const variables = deduped ? { ...request.variables, representations: deduped.representations } : request.variables;
    const body = JSON.stringify({ query: request.query, variables, operationName: request.operationName });
    const response = await this.fetch(body, context, mutation);
    const parsed = this.parse(response);
    const result = deduped ? expandEntities(parsed, deduped) : parsed;
    if (incoming) restrictCachePolicy(incoming.overallCachePolicy, response.cacheControl);
    return result;
  }

  /** Closes the pooled connections (on shutdown). */
  close(): void {
    this.client.close();
  }

  private fetch(body: string, context: GatewayContext | undefined, mutation: boolean): Promise<SubgraphHttpResponse> {
    if (mutation || !this.options.dedupe) return this.send(body, context, mutation);
    const key = `${callerKey(context)}\n${body}`;
    const pending = this.inFlight.get(key);
    if (pending) {
      this.options.metrics.subgraphFetch(this.options.name, 'merged');
      return pending;
    }
    const call = this.send(body, context, false).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, call);
    return call;
  }

  private async send(body: string, context: GatewayContext | undefined, mutation: boolean): Promise<SubgraphHttpResponse> {
    const { name, metrics } = this.options;
    if (!this.breaker.tryAcquire()) {
      metrics.subgraphFetch(name, 'short-circuited');
      throw subgraphUnavailable(name, 'CIRCUIT_OPEN');
    }
    const headers: Record<string, string> = { ...context?.identityHeaders };
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    let response: SubgraphHttpResponse;
    try {
      response = await this.client.post(body, headers, !mutation);
    } catch (error) {
      this.breaker.failed();
      metrics.subgraphFetch(name, 'failed');
      throw error instanceof SubgraphFetchError ? subgraphUnavailable(name, error.reason) : error;
    }
    if (response.status >= 500) {
      this.breaker.failed();
      metrics.subgraphFetch(name, 'failed');
    } else {
      this.breaker.succeeded();
      metrics.subgraphFetch(name, 'ok');
    }
    return response;
  }

  private parse(response: SubgraphHttpResponse): GatewayGraphQLResponse {
    const json = response.contentType?.includes('json') ? safeParse(response.body) : undefined;
    const graphqlBody = json && typeof json === 'object' && ('data' in json || 'errors' in json);
    if (graphqlBody) {
      const { data, errors, extensions } = json as GatewayGraphQLResponse;
      return { data, errors, extensions };
    }
    if (response.status >= 500) throw subgraphUnavailable(this.options.name, 'BAD_RESPONSE');
    // Not GraphQL at all (a proxy's error page, a 404): a bug or misconfiguration, which
    // formatError turns into a logged INTERNAL_SERVER_ERROR.
    throw new Error(`${this.options.name} answered HTTP ${response.status} without a GraphQL body`);
  }
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type IncomingOperationOptions = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/** A fetch for a client's operation (not a health check or schema load). */
function isIncoming(options: ProcessOptions): options is IncomingOperationOptions {
  return 'incomingRequestContext' in options;
}

/** Who the fetch is for: fetches for different callers are never shared. */
function callerKey(context: GatewayContext | undefined): string {
  const identity = context?.identity;
  return identity ? `${identity.userId}:${identity.roles.join(',')}` : 'anonymous';
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Lowers the operation's cache policy to what the subgraph allows, RemoteGraphQLDataSource's
 * rule: without `max-age` the response is not cacheable; `private` makes it private.
 */
export function restrictCachePolicy(policy: GatewayCachePolicy | undefined, cacheControl: string | undefined): void {
  if (!policy || typeof policy.restrict !== 'function') return;
  let maxAge = 0;
  let scope: 'PUBLIC' | 'PRIVATE' | undefined;
  for (const directive of (cacheControl ?? '').split(',')) {
    const [name, value] = directive.trim().toLowerCase().split('=');
    if (name === 'max-age' && value && /^\d+$/.test(value)) maxAge = Number(value);
    else if (name === 'private') scope = 'PRIVATE';
    else if (name === 'public') scope = 'PUBLIC';
  }
  policy.restrict(scope ? { maxAge, scope } : { maxAge });
}

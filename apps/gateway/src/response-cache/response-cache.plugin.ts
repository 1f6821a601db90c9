import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
// The ESM typings, as @nestjs/apollo (ESM-only) types `plugins` with them.
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener, GraphQLResponse } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { CacheInvalidationListener } from './cache-invalidation.listener';
import { responseCacheKey } from './cache-key';
import { responseTags, subgraphTag } from './cache-tags';
import { InvalidationRegistry } from './invalidation-registry';
import { RESPONSE_CACHE_SETTINGS, type ResponseCacheSettings } from './response-cache.settings';
import { ResponseCacheStore } from './response-cache.store';

/** Followers stop waiting for a leader after this long and run the query themselves. */
const LEADER_TIMEOUT_MS = 30_000;

/** Response header telling clients (and tests) what the cache did: hit, miss or coalesced. */
export const CACHE_STATUS_HEADER = 'x-mestres-cache';

interface SharedResult {
  result: FormattedExecutionResult;
  policy: { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null;
}

type CachePolicy = { replace(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void; policyIfCacheable(): { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null };

/**
 * Whole-response cache for queries, as an Apollo plugin:
 *
 * - looked up after the operation is validated and passed the limits, before planning;
 * - stored only when the subgraphs' cache hints make the response PUBLIC with a max-age
 *   (capped by RESPONSE_CACHE_MAX_TTL_SECONDS) and it has no errors. PRIVATE responses are
 *   never stored, not even per user: a user rarely repeats the exact query within the few
 *   seconds such data may live, so per-user entries would cost Redis memory for almost no
 *   hits, and one key-derivation bug would show one customer another's orders;
 * - keyed by query, variables and the caller's roles (see {@link responseCacheKey});
 * - fresh only if no invalidation (domain event or mutation) touched its tags since the
 *   request that computed it started (see {@link InvalidationRegistry});
 * - identical queries arriving while one is being computed (same key and same caller)
 *   wait for it instead of running again. The caller is part of that match because the
 *   response may be PRIVATE.
 *
 * Mutations invalidate what the subgraphs they ran on had served, at once here and, over
 * NATS, in every other gateway process.
 */
@Injectable()
export class ResponseCachePlugin implements ApolloServerPlugin<GatewayContext>, OnModuleInit, OnModuleDestroy {
  /** Requests being computed, with when each started: a follower may only join one that started after the last invalidation. */
  private readonly inFlight = new Map<string, { result: Promise<SharedResult | null>; startedAt: number }>();
  private pruneTimer?: NodeJS.Timeout;
  /** The clock; tests replace it. */
  now: () => number = Date.now;

  constructor(
    @Inject(RESPONSE_CACHE_SETTINGS) private readonly settings: ResponseCacheSettings,
    private readonly store: ResponseCacheStore,
    private readonly registry: InvalidationRegistry,
    private readonly invalidations: CacheInvalidationListener,
    private readonly metrics: GatewayMetrics,
  ) {}

  onModuleInit(): void {
    this.pruneTimer = setInterval(() => this.registry.prune(), 60_000);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext>> {
    const startedAt = this.now();
    let key: string | undefined;
    let status: 'hit' | 'miss' | 'coalesced' | undefined;
    let lead: { settle: (shared: SharedResult | null) => void } | undefined;

    return {
      responseForOperation: async (requestContext) => {
        if (requestContext.operation.operation !== 'query' || !requestContext.queryHash) return null;
        const { identity } = requestContext.contextValue;
        key = responseCacheKey({
          queryHash: requestContext.queryHash,
          operationName: requestContext.operationName,
          variables: requestContext.request.variables,
          identity,
        });
        const hit = await this.lookup(key);
        if (hit) {
          status = 'hit';
          this.metrics.cacheLookup('hit');
          policyOf(requestContext).replace({ maxAge: Math.max(0, Math.floor((hit.expiresAt - this.now()) / 1000)), scope: 'PUBLIC' });
          return singleResponse(requestContext, { data: hit.data });
        }
        status = 'miss';
        const flightKey = `${key}\n${identity ? identity.userId : 'anonymous'}`;
        const pending = this.inFlight.get(flightKey);
        // A leader that started before an invalidation may return what it invalidated (the
        // follower's own mutation, even): such a follower computes its own answer.
        if (pending && !this.registry.invalidatedSince(pending.startedAt)) {
          const shared = await pending.result;
          if (shared) {
            status = 'coalesced';
            if (shared.policy) policyOf(requestContext).replace(shared.policy);
            return singleResponse(requestContext, shared.result);
          }
          return null;
        }
        let settle!: (shared: SharedResult | null) => void;
        const flight = new Promise<SharedResult | null>((resolve) => (settle = resolve));
        this.inFlight.set(flightKey, { result: flight, startedAt });
        const finish = (shared: SharedResult | null) => {
          clearTimeout(guard);
          if (this.inFlight.get(flightKey)?.result === flight) this.inFlight.delete(flightKey);
          settle(shared);
        };
        // Should this request die without reaching willSendResponse, its followers run alone.
        const guard = setTimeout(() => finish(null), LEADER_TIMEOUT_MS).unref();
        lead = { settle: finish };
        return null;
      },

      willSendResponse: async (requestContext) => {
        if (status) requestContext.response.http.headers.set(CACHE_STATUS_HEADER, status);
        const body = requestContext.response.body;
        const result = body.kind === 'single' ? body.singleResult : undefined;
        const policy = policyOf(requestContext).policyIfCacheable();
        lead?.settle(result ? { result, policy } : null);
        if (requestContext.operation?.operation === 'mutation') {
          this.invalidateMutated(requestContext.contextValue);
          return;
        }
        if (status !== 'miss' || !key || !this.registry.trusting || !result?.data || (result.errors?.length ?? 0) > 0) return;
        if (!policy || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return;
        this.save(key, result.data, Math.min(policy.maxAge, this.settings.maxTtlSeconds), startedAt, requestContext.contextValue);
      },
    };
  }

  private async lookup(key: string): Promise<{ data: Record<string, unknown>; expiresAt: number } | undefined> {
    // Without a live invalidation feed nothing could be trusted: skip Redis altogether.
    if (!this.registry.trusting) {
      this.metrics.cacheLookup('miss');
      return undefined;
    }
    const read = await this.store.get(key);
    if (read.kind === 'found' && this.registry.isFresh(read.entry.computedAt, read.entry.tags)) return read.entry;
    if (read.kind !== 'found') this.metrics.cacheLookup(read.kind);
    else this.metrics.cacheLookup('miss');
    return undefined;
  }

  private save(key: string, data: Record<string, unknown>, ttlSeconds: number, computedAt: number, context: GatewayContext): void {
    const json = JSON.stringify(data);
    if (json.length > this.settings.maxEntryBytes) return;
    const tags = responseTags(context.fetches.subgraphs, data);
    this.store.set(key, { data, computedAt, expiresAt: this.now() + ttlSeconds * 1000, tags }, json);
  }

  private invalidateMutated(context: GatewayContext): void {
    if (context.fetches.mutated.size === 0) return;
    this.invalidations.invalidateEverywhere([...context.fetches.mutated].map(subgraphTag));
  }
}

function policyOf(requestContext: GraphQLRequestContext<GatewayContext>): CachePolicy {
  return requestContext.overallCachePolicy as unknown as CachePolicy;
}

function singleResponse(requestContext: GraphQLRequestContext<GatewayContext>, result: FormattedExecutionResult): GraphQLResponse {
  return { http: requestContext.response.http, body: { kind: 'single', singleResult: result } } as GraphQLResponse;
}

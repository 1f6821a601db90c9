import { DynamicModule, Module, type Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { loadAccessTokenVerificationKeys } from '@mestres/auth';
import { REDIS } from '@mestres/cache';
import type { GatewayConfig } from './config';
import { GatewayHttpHooks, HTTP_SETTINGS, type HttpSettings } from './http/gateway-http-hooks';
import { CallerIdentityResolver } from './identity/caller-identity.resolver';
import { GATEWAY_AUTH_OPTIONS, type GatewayAuthOptions } from './identity/gateway-auth.options';
import { CONTEXT_SETTINGS, GatewayContextFactory, type ContextSettings } from './identity/gateway-context.factory';
import { ActiveUsersTracker } from './metrics/active-users.tracker';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { RATE_LIMIT_SETTINGS, RateLimiter, type RateLimitSettings } from './protection/rate-limiter';
import { Safelist } from './protection/safelist';
import { CacheInvalidationListener } from './response-cache/cache-invalidation.listener';
import { InvalidationRegistry } from './response-cache/invalidation-registry';
import { ResponseCachePlugin } from './response-cache/response-cache.plugin';
import { RESPONSE_CACHE_SETTINGS, type ResponseCacheSettings } from './response-cache/response-cache.settings';
import { ResponseCacheStore } from './response-cache/response-cache.store';
import { SUBGRAPH_SETTINGS, SubgraphDataSources, type SubgraphSettings } from './subgraphs/subgraph-data-sources';

/**
 * Everything the gateway adds around Apollo: authentication and rate limits (the request
 * context), protection, the response cache, the subgraph clients and the HTTP hooks.
 * Settings are read from the config here, once; the classes only see their own part.
 */
@Module({})
export class GatewayCoreModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const providers: Provider[] = [
      GatewayMetrics,
      ActiveUsersTracker,
      RateLimiter,
      CallerIdentityResolver,
      GatewayContextFactory,
      SubgraphDataSources,
      GatewayHttpHooks,
      { provide: GATEWAY_AUTH_OPTIONS, useValue: authOptions(config) },
      { provide: RATE_LIMIT_SETTINGS, useValue: rateLimitSettings(config) },
      { provide: CONTEXT_SETTINGS, useValue: { trustedProxyHops: config.TRUSTED_PROXY_HOPS } satisfies ContextSettings },
      { provide: SUBGRAPH_SETTINGS, useValue: subgraphSettings(config) },
      { provide: HTTP_SETTINGS, useValue: httpSettings(config) },
    ];
    const exported: Array<Provider | symbol | string | Function> = [GatewayMetrics, GatewayContextFactory, SubgraphDataSources];
    if (config.SAFELIST_MANIFEST_PATH) {
      providers.push({ provide: Safelist, useValue: Safelist.fromManifestFile(config.SAFELIST_MANIFEST_PATH) });
      exported.push(Safelist);
    }
    if (config.RESPONSE_CACHE_ENABLED) {
      const settings = responseCacheSettings(config);
      providers.push(
        { provide: RESPONSE_CACHE_SETTINGS, useValue: settings },
        { provide: InvalidationRegistry, useFactory: () => new InvalidationRegistry(settings.maxTtlSeconds * 1000) },
        { provide: ResponseCacheStore, inject: [REDIS], useFactory: (redis: Redis) => new ResponseCacheStore(redis, { l1MaxBytes: settings.l1MaxBytes }) },
        CacheInvalidationListener,
        ResponseCachePlugin,
      );
      exported.push(ResponseCachePlugin, InvalidationRegistry, CacheInvalidationListener);
    }
    return { module: GatewayCoreModule, providers, exports: exported };
  }
}

function authOptions(config: GatewayConfig): GatewayAuthOptions {
  return {
    jwks: loadAccessTokenVerificationKeys(config),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    internalSecret: config.INTERNAL_AUTH_SECRET,
  };
}

function rateLimitSettings(config: GatewayConfig): RateLimitSettings {
  return {
    enabled: config.RATE_LIMIT_ENABLED,
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    perIp: config.RATE_LIMIT_PER_IP,
    perUser: config.RATE_LIMIT_PER_USER,
  };
}

function subgraphSettings(config: GatewayConfig): SubgraphSettings {
  return {
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    timeoutOverridesMs: config.subgraphTimeoutOverridesMs,
    maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    dedupe: config.SUBGRAPH_FETCH_DEDUPE,
    circuit: {
      failureThreshold: config.CIRCUIT_FAILURE_THRESHOLD,
      openMs: config.CIRCUIT_OPEN_MS,
      halfOpenProbes: config.CIRCUIT_HALF_OPEN_PROBES,
    },
    urlOverrides: {
      catalog: config.CATALOG_URL,
      orders: config.ORDERS_URL,
      courses: config.COURSES_URL,
      users: config.USERS_URL,
      jobs: config.JOBS_URL,
    },
  };
}

function httpSettings(config: GatewayConfig): HttpSettings {
  return {
    corsOrigins: config.CORS_ORIGINS,
    hsts: config.NODE_ENV === 'production',
    compressionMinBytes: config.COMPRESSION_MIN_BYTES,
  };
}

function responseCacheSettings(config: GatewayConfig): ResponseCacheSettings {
  return {
    enabled: config.RESPONSE_CACHE_ENABLED,
    maxTtlSeconds: config.RESPONSE_CACHE_MAX_TTL_SECONDS,
    l1MaxBytes: config.RESPONSE_CACHE_L1_MB * 1024 * 1024,
    maxEntryBytes: config.RESPONSE_CACHE_MAX_ENTRY_BYTES,
    natsServers: config.NATS_URL,
    natsPrefix: config.NATS_PREFIX,
  };
}

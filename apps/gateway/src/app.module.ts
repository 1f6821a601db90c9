import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
// The ESM typings, as @nestjs/apollo (ESM-only) types `plugins` with them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type Redis from 'ioredis';
import { REDIS } from '@mestres/cache';
import { formatGraphqlError } from '@mestres/graphql';
import { GraphqlMetricsPlugin } from '@mestres/observability';
import { ServicePlatformModule } from '@mestres/service';
import type { GatewayConfig } from './config';
import { GatewayCoreModule } from './gateway-core.module';
import type { GatewayContext } from './gateway-context';
import { EXAMPLE_QUERY } from './graphiql/example-query';
import { graphiqlLandingPage } from './graphiql/graphiql-landing-page.plugin';
import type { IncomingRequest } from './identity/caller-identity.resolver';
import { GatewayContextFactory } from './identity/gateway-context.factory';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { operationLimitsPlugin } from './protection/operation-limits.plugin';
import { RedisPersistedQueryCache } from './protection/redis-persisted-query-cache';
import { Safelist } from './protection/safelist';
import { ResponseCachePlugin } from './response-cache/response-cache.plugin';
import { loadSupergraph } from './supergraph/load-supergraph';
import { SubgraphDataSources } from './subgraphs/subgraph-data-sources';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const supergraphSdl = loadSupergraph(config.SUPERGRAPH_PATH);
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'gateway', config }),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          imports: [GatewayCoreModule.forRoot(config)],
          inject: [
            GraphqlMetricsPlugin,
            GatewayContextFactory,
            SubgraphDataSources,
            GatewayMetrics,
            REDIS,
            { token: ResponseCachePlugin, optional: true },
            { token: Safelist, optional: true },
          ],
          useFactory: (
            metricsPlugin: GraphqlMetricsPlugin,
            contexts: GatewayContextFactory,
            subgraphs: SubgraphDataSources,
            metrics: GatewayMetrics,
            redis: Redis,
            responseCache: ResponseCachePlugin | undefined,
            safelist: Safelist | undefined,
          ) => ({
            gateway: {
              supergraphSdl,
              buildService: ({ name, url }) => subgraphs.create(name, url),
              experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MB,
            },
            server: {
              path: '/graphql',
              // Nest's own GraphiQL page off (and Apollo's default landing page with it):
              // the gateway serves its own, from the local bundle, when GRAPHIQL allows.
              graphiql: false,
              introspection: config.introspection,
              includeStacktraceInErrorResponses: false,
              formatError: formatGraphqlError,
              csrfPrevention: true,
              persistedQueries: persistedQueries(config, redis, safelist),
              plugins: plugins(config, metricsPlugin, metrics, responseCache),
              // On Fastify, Apollo's context function gets the Fastify request itself.
              context: async (request: IncomingRequest & { req?: IncomingRequest }): Promise<GatewayContext> => contexts.create(request.req ?? request),
            },
          }),
        }),
      ],
    };
  }
}

/** Plugin order matters: limits refuse before the cache is consulted. */
function plugins(
  config: GatewayConfig,
  metricsPlugin: GraphqlMetricsPlugin,
  metrics: GatewayMetrics,
  responseCache: ResponseCachePlugin | undefined,
): ApolloServerPlugin[] {
  const list: ApolloServerPlugin[] = [
    metricsPlugin,
    operationLimitsPlugin(
      {
        maxDepth: config.QUERY_MAX_DEPTH,
        maxAliases: config.QUERY_MAX_ALIASES,
        maxRootFields: config.QUERY_MAX_ROOT_FIELDS,
        maxCost: config.QUERY_MAX_COST,
        defaultListSize: config.QUERY_COST_DEFAULT_LIST_SIZE,
        maxVariablesBytes: config.VARIABLES_LIMIT_BYTES,
      },
      metrics,
    ) as ApolloServerPlugin,
  ];
  if (responseCache) list.push(responseCache as unknown as ApolloServerPlugin);
  if (config.graphiql) list.push(graphiqlLandingPage(EXAMPLE_QUERY));
  return list;
}

/** Safelist mode serves only the manifest; otherwise APQ registers queries in Redis. */
function persistedQueries(config: GatewayConfig, redis: Redis, safelist: Safelist | undefined) {
  if (safelist) return { cache: safelist.asPersistedQueryCache(), ttl: null };
  if (!config.APQ_ENABLED) return false as const;
  return { cache: new RedisPersistedQueryCache(redis), ttl: config.APQ_TTL_SECONDS };
}

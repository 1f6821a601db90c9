import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { loadAccessTokenVerificationKeys } from '@mestres/auth';
import { formatGraphqlError } from '@mestres/graphql';
import { GraphqlMetricsPlugin } from '@mestres/observability';
import { ServicePlatformModule } from '@mestres/service';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './gateway-context';
import { graphiqlLandingPage } from './graphiql/graphiql-landing-page.plugin';
import { CallerIdentityResolver, type IncomingRequest } from './identity/caller-identity.resolver';
import { GATEWAY_AUTH_OPTIONS } from './identity/gateway-auth.options';
import { EXAMPLE_QUERY } from './graphiql/example-query';
import { loadSupergraph } from './supergraph/load-supergraph';
import { SubgraphDataSource } from './subgraphs/subgraph-data-source';

function subgraphUrlOverrides(config: GatewayConfig): Record<string, string | undefined> {
  return { catalog: config.CATALOG_URL, orders: config.ORDERS_URL, courses: config.COURSES_URL, users: config.USERS_URL };
}

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const supergraphSdl = loadSupergraph(config.SUPERGRAPH_PATH);
    const overrides = subgraphUrlOverrides(config);
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'gateway', config }),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          imports: [IdentityModule.forRoot(config)],
          inject: [GraphqlMetricsPlugin, CallerIdentityResolver],
          useFactory: (metricsPlugin: GraphqlMetricsPlugin, callers: CallerIdentityResolver) => ({
            gateway: {
              supergraphSdl,
              buildService: ({ name, url }) =>
                new SubgraphDataSource({ name, url: overrides[name] ?? url ?? '', timeoutMs: config.SUBGRAPH_TIMEOUT_MS }),
            },
            server: {
              path: '/graphql',
              introspection: config.introspection,
              includeStacktraceInErrorResponses: false,
              formatError: formatGraphqlError,
              plugins: config.graphiql ? [metricsPlugin, graphiqlLandingPage(EXAMPLE_QUERY)] : [metricsPlugin],
              context: async ({ req }: { req: IncomingRequest }): Promise<GatewayContext> => {
                const { identity, headers } = await callers.subgraphHeaders(req);
                const requestId = req.headers['x-request-id'];
                return { identity, identityHeaders: headers, requestId: typeof requestId === 'string' ? requestId : undefined };
              },
            },
          }),
        }),
      ],
    };
  }
}

@Module({})
class IdentityModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        {
          provide: GATEWAY_AUTH_OPTIONS,
          useValue: {
            jwks: loadAccessTokenVerificationKeys(config),
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            internalSecret: config.INTERNAL_AUTH_SECRET,
          },
        },
        CallerIdentityResolver,
      ],
      exports: [CallerIdentityResolver],
    };
  }
}

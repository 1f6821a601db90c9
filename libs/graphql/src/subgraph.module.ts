import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { formatGraphqlError } from './format-error';

export interface SubgraphOptions {
  /** When set (development), the subgraph SDL is written here at boot for `npm run compose`. */
  schemaFile?: string;
  /** Subgraphs are only reached through the gateway, which needs `_service { sdl }`, not introspection. */
  introspection?: boolean;
  plugins?: ApolloServerPlugin[];
}

/**
 * GraphQL for a federated subgraph: Federation 2 code-first schema at `/graphql`, typed
 * error formatting, no landing page (the gateway serves GraphiQL). The request is exposed
 * to resolvers as `context.req` so guards can read the gateway-signed identity.
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions = {}): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          path: '/graphql',
          autoSchemaFile: options.schemaFile ? { path: options.schemaFile, federation: 2 } : { federation: 2 },
          sortSchema: true,
          introspection: options.introspection ?? false,
          graphiql: false,
          playground: false,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphqlError,
          // @nestjs/apollo loads the ESM build of @apollo/server and we the CJS one; plugins are
          // plain objects, so only their declared types differ.
          plugins: (options.plugins ?? []) as ApolloFederationDriverConfig['plugins'],
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
    };
  }
}

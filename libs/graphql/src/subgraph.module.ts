import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { writeFile } from 'node:fs/promises';
import { DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, parse } from 'graphql';
import { APP_FILTER } from '@nestjs/core';
import { GraphqlMetricsPlugin } from '@mestres/observability';
import { GraphqlExceptionFilter } from './graphql-exception.filter';
import { formatGraphqlError } from './format-error';

export interface SubgraphOptions {
  /** When set (development), the subgraph SDL is written here at boot for `npm run compose`. */
  schemaFile?: string;
  /** Types only reachable through entity references (e.g. a `Product` stub this subgraph extends). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** Subgraphs are only reached through the gateway, which needs `_service { sdl }`, not introspection. */
  introspection?: boolean;
}

/**
 * GraphQL for a federated subgraph: Federation 2 code-first schema at `/graphql`, typed
 * error formatting, no landing page (the gateway serves GraphiQL). The request is exposed
 * to resolvers as `context.req` so guards can read the gateway-signed identity. Needs
 * `ObservabilityModule` (operation and resolver metrics).
 */
const SUBGRAPH_OPTIONS = Symbol('SUBGRAPH_OPTIONS');

/**
 * Writes the SDL exactly as the gateway receives it (`_service { sdl }`, with the
 * federation `@link` and `@key` directives) so composition never sees a lossy printout.
 */
@Injectable()
class SchemaFileWriter implements OnApplicationBootstrap {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(SUBGRAPH_OPTIONS) private readonly options: SubgraphOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.schemaFile) return;
    const result = await execute({ schema: this.schemaHost.schema, document: parse('{ _service { sdl } }') });
    const sdl = (result.data as { _service?: { sdl?: string } } | null)?._service?.sdl;
    if (!sdl) throw new Error(`cannot print the subgraph SDL: ${result.errors?.map((error) => error.message).join('; ')}`);
    await writeFile(this.options.schemaFile, `${sdl.trim()}\n`);
    new Logger('GraphQL').log(`wrote subgraph SDL to ${this.options.schemaFile}`);
  }
}

@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions = {}): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [GraphqlMetricsPlugin],
          useFactory: (metricsPlugin: GraphqlMetricsPlugin) => ({
          path: '/graphql',
          autoSchemaFile: { federation: 2 },
          buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
          sortSchema: true,
          introspection: options.introspection ?? false,
          graphiql: false,
          playground: false,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphqlError,
          plugins: [metricsPlugin],
          context: ({ req }: { req: unknown }) => ({ req }),
          }),
        }),
      ],
      providers: [
        { provide: SUBGRAPH_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        SchemaFileWriter,
      ],
    };
  }
}

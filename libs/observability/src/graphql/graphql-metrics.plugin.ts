import { Injectable } from '@nestjs/common';
// The ESM typings, because @nestjs/apollo (ESM-only) types `plugins` with them; the CJS
// copies are structurally incompatible (HeaderMap).
import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
  GraphQLServerContext,
  GraphQLServerListener,
} from '@apollo/server' with { 'resolution-mode': 'import' };
import { trace } from '@opentelemetry/api';
import { isObjectType, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Metrics, startTimer, type GraphqlOperationType } from '../metrics/metrics';

/** Operation names come from clients: past this many distinct names, new ones count as `other`. */
const MAX_OPERATION_NAMES = 500;
/**
 * Resolvers that only read a property. graphql-js leaves `resolve` undefined for them;
 * @nestjs/graphql (code-first) installs a function named `rootFieldResolver` on every field.
 */
const PROPERTY_RESOLVERS = new Set(['rootFieldResolver', 'defaultFieldResolver']);

/**
 * Apollo Server plugin (subgraphs and gateway) that records
 * `mestres_graphql_operations_total` / `mestres_graphql_operation_duration_seconds`
 * {operation, type, outcome} and names the active span after the operation
 * (`query ProductList`, attributes `graphql.operation.name`/`graphql.operation.type`).
 * In subgraphs it also times root fields and fields with their own resolver
 * (`mestres_graphql_resolver_duration_seconds{group,field}`); property reads are skipped
 * because timing every field of a large response costs more than it tells.
 *
 * Provided by `ObservabilityModule`; pass the instance to Apollo, e.g.
 * `GraphQLModule.forRootAsync({ driver, inject: [GraphqlMetricsPlugin], useFactory: (plugin) => ({ plugins: [plugin], ... }) })`
 * (the gateway driver takes it under `server.plugins`).
 */
@Injectable()
export class GraphqlMetricsPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly operationNames = new Set<string>();
  private readonly fieldsWithResolver = new WeakSet<GraphQLField<unknown, unknown>>();

  constructor(private readonly metrics: Metrics) {}

  // Apollo wraps every field's resolver once plugins time fields, so which fields have
  // their own resolver is read from the schema before the first request.
  async serverWillStart({ schema }: GraphQLServerContext): Promise<GraphQLServerListener> {
    this.indexResolvers(schema);
    return { schemaDidLoadOrUpdate: ({ apiSchema }) => this.indexResolvers(apiSchema) };
  }

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const elapsed = startTimer();
    // Captured now: this is the HTTP request's span, later hooks may run elsewhere.
    const span = trace.getActiveSpan();
    // Stays `invalid` when parsing or validation fails before an operation is known.
    let operation = 'invalid';
    let type: GraphqlOperationType = 'unknown';
    const executionListener: GraphQLRequestExecutionListener<BaseContext> = {
      willResolveField: ({ info }) => {
        if (!this.isTimed(info)) return;
        const fieldElapsed = startTimer();
        return () => this.metrics.observeGraphqlResolver(info.parentType.name, info.fieldName, fieldElapsed());
      },
    };

    return {
      didResolveOperation: async ({ operation: definition, operationName }) => {
        type = definition?.operation ?? 'unknown';
        operation = this.operationLabel(operationName);
        span?.updateName(`${type} ${operationName ?? 'anonymous'}`);
        span?.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': operationName ?? 'anonymous' });
      },
      executionDidStart: async () => executionListener,
      willSendResponse: async ({ errors, response }) => {
        const responseErrors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const failed = (errors?.length ?? 0) > 0 || (responseErrors?.length ?? 0) > 0;
        this.metrics.observeGraphqlOperation(operation, type, failed ? 'error' : 'ok', elapsed());
      },
    };
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  private isTimed(info: GraphQLResolveInfo): boolean {
    const { schema, parentType } = info;
    if (parentType === schema.getQueryType() || parentType === schema.getMutationType()) return true;
    const field = parentType.getFields()[info.fieldName];
    return field !== undefined && this.fieldsWithResolver.has(field);
  }

  private indexResolvers(schema: GraphQLSchema): void {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !PROPERTY_RESOLVERS.has(field.resolve.name)) this.fieldsWithResolver.add(field);
      }
    }
  }
}

// The ESM typings, as @nestjs/apollo (ESM-only) types `plugins` with them.
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { analyzeOperation } from './operation-analysis';
import { OperationRejection, operationRejected } from './protection.errors';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  defaultListSize: number;
  maxVariablesBytes: number;
}

/**
 * Refuses operations that are too deep, too aliased, too wide at the root, too costly or
 * carry too large variables, after validation and before the gateway plans or fetches
 * anything (`didResolveOperation`). The error names the limit, its setting and the value.
 */
export function operationLimitsPlugin(limits: OperationLimits, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  const reject = (reason: OperationRejection, message: string, limit: number, actual: number, setting: string) => {
    metrics.operationRejected(reason);
    return operationRejected(reason, message, { limit, actual, setting });
  };
  const listener: GraphQLRequestListener<GatewayContext> = {
    async didResolveOperation({ request, operation, document, schema }) {
      if (!operation) return;
      if (request.variables) {
        const bytes = Buffer.byteLength(JSON.stringify(request.variables));
        if (bytes > limits.maxVariablesBytes) {
          throw reject(OperationRejection.VARIABLES_TOO_LARGE, `Variables take ${bytes} bytes; the limit is ${limits.maxVariablesBytes}.`, limits.maxVariablesBytes, bytes, 'VARIABLES_LIMIT_BYTES');
        }
      }
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      const shape = analyzeOperation({
        schema,
        operation,
        fragments,
        variables: request.variables,
        defaultListSize: limits.defaultListSize,
        costCeiling: limits.maxCost,
      });
      if (shape.depth > limits.maxDepth) {
        throw reject(OperationRejection.QUERY_TOO_DEEP, `Query depth ${shape.depth} exceeds the limit of ${limits.maxDepth}.`, limits.maxDepth, shape.depth, 'QUERY_MAX_DEPTH');
      }
      if (shape.aliases > limits.maxAliases) {
        throw reject(OperationRejection.TOO_MANY_ALIASES, `The operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`, limits.maxAliases, shape.aliases, 'QUERY_MAX_ALIASES');
      }
      if (shape.rootFields > limits.maxRootFields) {
        throw reject(OperationRejection.TOO_MANY_ROOT_FIELDS, `The operation selects ${shape.rootFields} root fields; the limit is ${limits.maxRootFields}.`, limits.maxRootFields, shape.rootFields, 'QUERY_MAX_ROOT_FIELDS');
      }
      if (shape.cost > limits.maxCost) {
        throw reject(OperationRejection.QUERY_TOO_COMPLEX, `The operation's estimated cost ${shape.cost} exceeds the limit of ${limits.maxCost}.`, limits.maxCost, shape.cost, 'QUERY_MAX_COST');
      }
    },
  };
  return { requestDidStart: async () => listener };
}

import { GraphQLError } from 'graphql';
import { GraphqlErrorCode } from '@mestres/graphql';

/** Why a subgraph could not answer. */
export type SubgraphUnavailableReason = 'CIRCUIT_OPEN' | 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE';

const MESSAGES: Record<SubgraphUnavailableReason, string> = {
  CIRCUIT_OPEN: 'is failing; calls are paused for a few seconds',
  TIMEOUT: 'did not answer in time',
  UNREACHABLE: 'cannot be reached',
  BAD_RESPONSE: 'answered with an error',
};

/**
 * The error a client sees for the fields a failed subgraph would have resolved: the rest
 * of the response is still served. Names the service, never its URL or host.
 */
export function subgraphUnavailable(service: string, reason: SubgraphUnavailableReason): GraphQLError {
  return new GraphQLError(`The ${service} service ${MESSAGES[reason]}; its fields are missing from this response.`, {
    extensions: { code: GraphqlErrorCode.SERVICE_UNAVAILABLE, service, reason },
  });
}

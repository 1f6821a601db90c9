import { GraphQLError } from 'graphql';
import { GraphqlErrorCode } from '@mestres/graphql';

/** Why the gateway refused an operation before planning it (`extensions.reason`). */
export enum OperationRejection {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_ROOT_FIELDS = 'TOO_MANY_ROOT_FIELDS',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  VARIABLES_TOO_LARGE = 'VARIABLES_TOO_LARGE',
  OPERATION_NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST',
}

/**
 * A request the client must change: BAD_USER_INPUT (HTTP 400), following the domain-error
 * convention `code` + `reason`, with the limit (and its config key) and the measured value.
 */
export function operationRejected(reason: OperationRejection, message: string, details: { limit?: number; actual?: number; setting?: string } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason, ...details, http: { status: 400 } },
  });
}

/** 429 with `retry-after` (seconds): the caller sent more than its limit allows. */
export function tooManyRequests(retryAfterSeconds: number, limit: 'ip' | 'user'): GraphQLError {
  // Apollo Server copies `extensions.http.headers` onto the response only when it is a Map
  // (a typing elsewhere declares a plain record, hence the cast).
  const headers = new Map([['retry-after', String(retryAfterSeconds)]]) as unknown as Record<string, string>;
  return new GraphQLError(`Too many requests; retry in ${retryAfterSeconds} s.`, {
    extensions: { code: GraphqlErrorCode.TOO_MANY_REQUESTS, limit, retryAfterSeconds, http: { status: 429, headers } },
  });
}

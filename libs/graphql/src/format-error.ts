import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';
import { GraphqlErrorCode } from './error-codes';

const logger = new Logger('GraphQL');

/** Codes produced by graphql-js / Apollo itself for bad requests; safe to pass through. */
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...Object.values(GraphqlErrorCode),
]);

/**
 * Apollo `formatError`: domain errors become typed client errors; anything unexpected
 * becomes a bare INTERNAL_SERVER_ERROR (logged here with its stack) so stack traces,
 * SQL and hostnames never reach clients.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.graphqlCode, reason: original.code, ...original.details },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && code !== GraphqlErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Class-validator / Nest BadRequest from pipes arrive as HttpException-shaped errors.
  const status = (original as { status?: number; getStatus?: () => number })?.getStatus?.();
  if (status === 400) {
    const response = (original as { getResponse?: () => unknown }).getResponse?.() as { message?: unknown } | undefined;
    const message = Array.isArray(response?.message) ? response.message.join('; ') : String(response?.message ?? formatted.message);
    return { message, path: formatted.path, locations: formatted.locations, extensions: { code: GraphqlErrorCode.BAD_USER_INPUT } };
  }
  logger.error(`unexpected error at ${formatted.path?.join('.') ?? 'request'}: ${(original as Error)?.stack ?? String(original)}`);
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: GraphqlErrorCode.INTERNAL_SERVER_ERROR } };
}

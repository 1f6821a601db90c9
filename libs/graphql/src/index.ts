export { GraphqlErrorCode } from './error-codes';
export { DomainError, type DomainErrorDetails } from './domain-error';
export { formatGraphqlError } from './format-error';
export {
  Connection,
  ConnectionArgs,
  PageInfo,
  MAX_PAGE_SIZE,
  pageSize,
  encodeCursor,
  decodeCursor,
  toConnection,
  type ConnectionShape,
} from './connection';
export { setCacheHint, type CacheScope } from './cache-hint';
export { SubgraphModule, type SubgraphOptions } from './subgraph.module';
export { requestLoader, alignToKeys } from './request-loader';
export { GraphqlExceptionFilter } from './graphql-exception.filter';
export { inheritCacheHint, INHERIT_CACHE_HINT } from './inherit-cache-hint';

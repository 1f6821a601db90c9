import type { GraphQLResolveInfo } from 'graphql';

/** Cache scopes Apollo understands: PUBLIC may be shared across users, PRIVATE never. */
export type CacheScope = 'PUBLIC' | 'PRIVATE';

/**
 * Sets Apollo's dynamic cache hint for a field. Subgraphs send the resulting policy as a
 * `Cache-Control` header, which the gateway honours when caching whole responses.
 */
export function setCacheHint(info: GraphQLResolveInfo, hint: { maxAge: number; scope?: CacheScope }): void {
  (info as GraphQLResolveInfo & { cacheControl?: { setCacheHint(hint: { maxAge: number; scope?: CacheScope }): void } }).cacheControl?.setCacheHint(hint);
}

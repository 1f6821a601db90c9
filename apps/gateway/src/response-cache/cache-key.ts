import { createHash } from 'node:crypto';
import type { CallerIdentity } from '@mestres/auth';

/**
 * Key of a shareable (PUBLIC) response: the operation text's hash, the operation name, the
 * variables and the caller's role set. Roles are part of the key because subgraphs answer
 * some roles differently (an admin's product list includes drafts, with a PRIVATE hint that
 * keeps it out of the cache, but the admin must not be served the anonymous copy either).
 * Customers and anonymous visitors are two partitions of the same public data.
 */
export function responseCacheKey(input: { queryHash: string; operationName: string | null | undefined; variables: Record<string, unknown> | undefined; identity: CallerIdentity | null }): string {
  const roles = input.identity ? [...input.identity.roles].sort().join(',') : 'anonymous';
  return createHash('sha256')
    .update(input.queryHash)
    .update('\0')
    .update(input.operationName ?? '')
    .update('\0')
    .update(stableJson(input.variables ?? {}))
    .update('\0')
    .update(roles)
    .digest('base64url');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` give one key. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

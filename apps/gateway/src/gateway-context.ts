import type { CallerIdentity } from '@mestres/auth';

/** What the subgraph calls of one request touched; the response cache tags and invalidates by it. */
export interface SubgraphFetchLog {
  /** Subgraphs fetched from. */
  subgraphs: Set<string>;
  /** Subgraphs that ran a root mutation field. */
  mutated: Set<string>;
}

/** Per-request state the gateway carries from the HTTP request to subgraph calls. */
export interface GatewayContext {
  /** The authenticated caller, or null for anonymous requests. */
  identity: CallerIdentity | null;
  /** Gateway-signed identity and client IP headers for subgraphs. */
  identityHeaders: Record<string, string>;
  requestId?: string;
  /** The client IP the gateway decided on (see TRUSTED_PROXY_HOPS). */
  clientIp: string;
  fetches: SubgraphFetchLog;
}

export function newFetchLog(): SubgraphFetchLog {
  return { subgraphs: new Set(), mutated: new Set() };
}

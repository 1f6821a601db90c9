import type { CallerIdentity } from '@mestres/auth';

/** Per-request state the gateway carries from the HTTP request to subgraph calls. */
export interface GatewayContext {
  /** The authenticated caller, or null for anonymous requests. */
  identity: CallerIdentity | null;
  /** Gateway-signed identity and client IP headers for subgraphs. */
  identityHeaders: Record<string, string>;
  requestId?: string;
}

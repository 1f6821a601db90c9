/** Per-request state the gateway carries from the HTTP request to subgraph calls. */
export interface GatewayContext {
  /** Signed identity headers for subgraphs; empty for anonymous callers. */
  identityHeaders: Record<string, string>;
  requestId?: string;
}

import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../gateway-context';

/** Headers a client may never set itself: only the gateway signs identity. */
export const IDENTITY_HEADER_PREFIX = 'x-mestres-identity';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Node's fetch pools keep-alive connections per origin, so every subgraph call reuses a
 * warm socket. The timeout turns a hung subgraph into a fast partial-data error.
 */
function fetcherWithTimeout(timeoutMs: number): Fetcher {
  return ((url: string, init: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

/**
 * Calls one subgraph: forwards the gateway-signed caller identity (never a client's) and
 * the request id. Trace context is propagated by the OpenTelemetry fetch instrumentation.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(options: { name: string; url: string; timeoutMs: number }) {
    super({ url: options.url, fetcher: fetcherWithTimeout(options.timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.identityHeaders) return;
    for (const [name, value] of Object.entries(context.identityHeaders)) headers.set(name, String(value));
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }
}

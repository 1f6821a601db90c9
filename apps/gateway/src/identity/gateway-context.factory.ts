import { Inject, Injectable, Optional } from '@nestjs/common';
import type { GatewayContext } from '../gateway-context';
import { newFetchLog } from '../gateway-context';
import { ActiveUsersTracker } from '../metrics/active-users.tracker';
import { clientIpOf } from '../protection/client-ip';
import { RateLimiter } from '../protection/rate-limiter';
import { Safelist } from '../protection/safelist';
import { CallerIdentityResolver, identityOf, type IncomingRequest } from './caller-identity.resolver';

export const CONTEXT_SETTINGS = Symbol('CONTEXT_SETTINGS');

export interface ContextSettings {
  trustedProxyHops: number;
}

/**
 * Builds each request's {@link GatewayContext} (Apollo's `context` function), which runs
 * before Apollo parses anything, so what can refuse a request cheaply does it here: the
 * safelist, authentication, and the rate limits (the revocation lookup and the rate-limit
 * script run concurrently; both are single Redis round trips).
 */
@Injectable()
export class GatewayContextFactory {
  constructor(
    @Inject(CONTEXT_SETTINGS) private readonly settings: ContextSettings,
    private readonly callers: CallerIdentityResolver,
    private readonly rateLimiter: RateLimiter,
    private readonly activeUsers: ActiveUsersTracker,
    @Optional() private readonly safelist?: Safelist,
  ) {}

  async create(request: IncomingRequest): Promise<GatewayContext> {
    const clientIp = clientIpOf(request, this.settings.trustedProxyHops);
    this.safelist?.assertAllowed(graphqlParams(request));
    const claims = await this.callers.verify(request).catch(async (error: unknown) => {
      // A bad token still counts against the IP, so a flood of them is throttled too.
      await this.rateLimiter.consume(clientIp, undefined);
      throw error;
    });
    await Promise.all([claims ? this.callers.assertNotRevoked(claims) : undefined, this.rateLimiter.consume(clientIp, claims?.sub)]);
    const identity = claims ? identityOf(claims) : null;
    if (identity) this.activeUsers.seen(identity.userId);
    const requestId = request.headers['x-request-id'];
    return {
      identity,
      identityHeaders: this.callers.signHeaders(identity, clientIp),
      requestId: typeof requestId === 'string' ? requestId : undefined,
      clientIp,
      fetches: newFetchLog(),
    };
  }
}

/** The GraphQL parameters of a POST body or of a GET query string (where extensions is JSON text). */
function graphqlParams(request: IncomingRequest): { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined {
  if (request.method !== 'GET') return request.body as never;
  const params = (request.query ?? {}) as { query?: unknown; extensions?: unknown };
  let extensions: unknown = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      extensions = undefined;
    }
  }
  return { query: params.query, extensions: extensions as never };
}

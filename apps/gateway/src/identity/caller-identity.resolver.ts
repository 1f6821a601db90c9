import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { AuthError, isAccessTokenRevoked, signGatewayHeaders, verifyAccessToken, type AccessTokenClaims, type CallerIdentity } from '@mestres/auth';
import { InjectRedis } from '@mestres/cache';
import { GraphqlErrorCode } from '@mestres/graphql';
import { GATEWAY_AUTH_OPTIONS, type GatewayAuthOptions } from './gateway-auth.options';

export interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  method?: string;
  body?: unknown;
  /** Parsed query string (GraphQL over GET). */
  query?: unknown;
}

/**
 * Authenticates callers: verifies the bearer access token, checks Redis for its revocation,
 * and signs the identity (and client IP) for the subgraphs. A missing token means anonymous;
 * a bad one rejects the request with UNAUTHENTICATED. Verification and the revocation check
 * are separate steps so the gateway can run the revocation lookup and the rate-limit check
 * (which needs the verified user id) in one Redis round trip's time.
 */
@Injectable()
export class CallerIdentityResolver {
  constructor(
    @Inject(GATEWAY_AUTH_OPTIONS) private readonly options: GatewayAuthOptions,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** The verified claims of the request's bearer token, or null when there is none. */
  async verify(request: IncomingRequest): Promise<AccessTokenClaims | null> {
    const header = request.headers.authorization;
    const authorization = Array.isArray(header) ? header[0] : header;
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('ACCESS_TOKEN_MALFORMED', 'Authorization header must be "Bearer <access token>"');
    try {
      return await verifyAccessToken(match[1], this.options.jwks, { issuer: this.options.issuer, audience: this.options.audience });
    } catch (error) {
      if (error instanceof AuthError) throw unauthenticated(error.code, error.message);
      throw error;
    }
  }

  /** Throws UNAUTHENTICATED when the token was revoked (logout, password or role change). */
  async assertNotRevoked(claims: AccessTokenClaims): Promise<void> {
    if (await isAccessTokenRevoked(this.redis, claims)) {
      throw unauthenticated('ACCESS_TOKEN_REVOKED', 'access token has been revoked; sign in again');
    }
  }

  /** The signed headers subgraphs trust; never anything the client sent. */
  signHeaders(identity: CallerIdentity | null, clientIp: string): Record<string, string> {
    return signGatewayHeaders({ identity, clientIp }, this.options.internalSecret);
  }
}

export function identityOf(claims: AccessTokenClaims): CallerIdentity {
  return { userId: claims.sub, roles: claims.roles, sessionId: claims.sid };
}

function unauthenticated(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.UNAUTHENTICATED, reason, http: { status: 401 } },
  });
}

import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import type { JSONWebKeySet } from 'jose';
import { AuthError, isAccessTokenRevoked, signGatewayHeaders, verifyAccessToken, type CallerIdentity } from '@mestres/auth';
import { InjectRedis } from '@mestres/cache';
import { GraphqlErrorCode } from '@mestres/graphql';
import { GATEWAY_AUTH_OPTIONS, type GatewayAuthOptions } from './gateway-auth.options';

export interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

/**
 * Authenticates the caller once per request: verifies the bearer access token, checks
 * Redis for its revocation, and signs the identity (and client IP) for the subgraphs.
 * A missing token means anonymous; a bad one rejects the request with UNAUTHENTICATED.
 */
@Injectable()
export class CallerIdentityResolver {
  constructor(
    @Inject(GATEWAY_AUTH_OPTIONS) private readonly options: GatewayAuthOptions,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async identify(request: IncomingRequest): Promise<CallerIdentity | null> {
    const header = request.headers.authorization;
    const authorization = Array.isArray(header) ? header[0] : header;
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('ACCESS_TOKEN_MALFORMED', 'Authorization header must be "Bearer <access token>"');
    try {
      const claims = await verifyAccessToken(match[1], this.options.jwks, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
      if (await isAccessTokenRevoked(this.redis, claims)) {
        throw unauthenticated('ACCESS_TOKEN_REVOKED', 'access token has been revoked; sign in again');
      }
      return { userId: claims.sub, roles: claims.roles, sessionId: claims.sid };
    } catch (error) {
      if (error instanceof AuthError) throw unauthenticated(error.code, error.message);
      throw error;
    }
  }

  /** The signed headers subgraphs trust; never anything the client sent. */
  async subgraphHeaders(request: IncomingRequest): Promise<{ identity: CallerIdentity | null; headers: Record<string, string> }> {
    const identity = await this.identify(request);
    const headers = signGatewayHeaders({ identity, clientIp: request.ip ?? 'unknown' }, this.options.internalSecret);
    return { identity, headers };
  }
}

function unauthenticated(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.UNAUTHENTICATED, reason, http: { status: 401 } },
  });
}

export type { JSONWebKeySet };

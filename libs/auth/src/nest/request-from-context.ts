import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { IncomingHeaders } from '../identity/identity-headers';

/** The parts of a Fastify/Express/Node request that authentication reads. */
export interface AuthRequest {
  headers: IncomingHeaders;
  /** Fastify and Express: the peer address (no proxy trust configured). */
  ip?: string;
  socket?: { remoteAddress?: string };
  raw?: { socket?: { remoteAddress?: string } };
}

/** The HTTP request behind a GraphQL operation or an HTTP route; undefined for NATS handlers. */
export function requestFromContext(context: ExecutionContext): AuthRequest | undefined {
  const type = context.getType<'http' | 'graphql' | 'rpc' | 'ws'>();
  if (type === 'graphql') return GqlExecutionContext.create(context).getContext<{ req?: AuthRequest }>().req;
  if (type === 'http') return context.switchToHttp().getRequest<AuthRequest>();
  return undefined;
}

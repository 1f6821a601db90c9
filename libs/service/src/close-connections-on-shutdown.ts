import type { FastifyInstance } from 'fastify';
import type { ShutdownState } from '@mestres/health';

/**
 * Once shutdown has begun, answers every request with `Connection: close`. Keep-alive
 * clients (the gateway, other pods) then reconnect through the Service, which no longer
 * routes here, and the server can close as soon as in-flight responses are written
 * instead of waiting out idle keep-alive sockets.
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance, state: ShutdownState): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (state.isShuttingDown) reply.header('connection', 'close');
    done(null, payload);
  });
}

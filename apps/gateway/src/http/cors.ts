import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { appendVary } from './vary';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What browsers may send: JSON bodies, the bearer token, Apollo's CSRF header, tracing. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'traceparent', 'tracestate', 'baggage'].join(', ');
/** What browsers may read besides the safelisted response headers. */
const EXPOSED_HEADERS = ['retry-after', 'x-request-id', 'x-mestres-cache'].join(', ');
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Strict CORS as a Fastify `onRequest` hook (the @fastify/cors plugin is not used): only the
 * configured origins get `Access-Control-Allow-Origin` (echoed, never `*`), credentials are
 * not allowed (the API uses bearer tokens, not cookies), and a preflight from any other
 * origin is refused with 403. Requests without an Origin header (servers, curl) pass as is.
 */
export function corsHook(origins: readonly string[]) {
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '')));
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const origin = request.headers.origin;
    if (!origin) {
      done();
      return;
    }
    const permitted = allowed.has(origin);
    appendVary(reply, 'Origin');
    if (permitted) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (!permitted) {
        void reply.code(403).send();
        return;
      }
      reply.header('access-control-allow-methods', ALLOWED_METHODS);
      reply.header('access-control-allow-headers', ALLOWED_HEADERS);
      reply.header('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
      void reply.code(204).send();
      return;
    }
    done();
  };
}

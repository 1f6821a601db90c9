import type { FastifyReply, FastifyRequest } from 'fastify';

/** An API answers JSON: it loads nothing and may be framed by nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response (`onSend` hook). HTML (GraphiQL, development only)
 * keeps its inline scripts by not getting the API's content security policy; HSTS only in
 * production, where TLS ends at the ingress in front of the gateway.
 */
export function securityHeadersHook(options: { hsts: boolean }) {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', API_CSP);
    if (options.hsts) reply.header('strict-transport-security', HSTS);
    return payload;
  };
}

import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics';

/**
 * Adds Fastify hooks that record `mestres_http_request_duration_seconds{method,route,status}`
 * and name the request's server span after its route (`GET /products/:id`; the http
 * instrumentation alone only knows the method). `route` is the route pattern, or
 * `unmatched` for 404s, so label cardinality stays bounded. Call before the app
 * listens: Fastify refuses hooks later.
 */
export function instrumentFastify(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const span = trace.getActiveSpan();
    if (span && route) {
      span.updateName(`${request.method} ${route}`);
      span.setAttribute('http.route', route);
    }
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

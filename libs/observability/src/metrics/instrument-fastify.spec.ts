import { FastifyAdapter } from '@nestjs/platform-fastify';
import { register } from 'prom-client';
import { instrumentFastify } from './instrument-fastify';
import { Metrics } from './metrics';

describe(instrumentFastify.name, () => {
  it('labels requests with the route pattern, and 404s as unmatched', async () => {
    const fastify = new FastifyAdapter().getInstance();
    instrumentFastify(fastify, new Metrics());
    fastify.get('/products/:id', async () => ({ ok: true }));
    await fastify.ready();

    await fastify.inject({ method: 'GET', url: '/products/42' });
    await fastify.inject({ method: 'GET', url: '/products/43' });
    await fastify.inject({ method: 'GET', url: '/nope/1' });
    await fastify.close();

    const text = await register.metrics();
    expect(text).toContain('mestres_http_request_duration_seconds_count{method="GET",route="/products/:id",status="200"} 2');
    expect(text).toContain('mestres_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('/products/42');
  });
});

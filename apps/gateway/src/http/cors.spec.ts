import Fastify from 'fastify';
import { corsHook } from './cors';

async function app() {
  const fastify = Fastify();
  fastify.addHook('onRequest', corsHook(['https://loja.mestrescafe.com.br']));
  fastify.post('/graphql', async () => ({ data: {} }));
  await fastify.ready();
  return fastify;
}

describe(corsHook.name, () => {
  it('answers a preflight from an allowed origin, echoing the origin (never *)', async () => {
    const fastify = await app();
    const response = await fastify.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://loja.mestrescafe.com.br', 'access-control-request-method': 'POST' },
    });
    await fastify.close();
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://loja.mestrescafe.com.br');
    expect(response.headers['access-control-allow-headers']).toContain('authorization');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('refuses a preflight from any other origin and grants it nothing on simple requests', async () => {
    const fastify = await app();
    const preflight = await fastify.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    const post = await fastify.inject({ method: 'POST', url: '/graphql', headers: { origin: 'https://evil.example' } });
    await fastify.close();
    expect(preflight.statusCode).toBe(403);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    expect(post.headers.vary).toContain('Origin');
  });

  it('lets requests without an Origin (servers, curl) through untouched', async () => {
    const fastify = await app();
    const response = await fastify.inject({ method: 'POST', url: '/graphql' });
    await fastify.close();
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

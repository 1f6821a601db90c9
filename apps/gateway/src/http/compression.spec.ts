import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { compressionHook, preferredEncoding } from './compression';

describe(preferredEncoding.name, () => {
  it('prefers brotli, then gzip, honouring q=0', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip, br;q=0')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeUndefined();
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});

describe(compressionHook.name, () => {
  const body = JSON.stringify({ data: { text: 'café '.repeat(1000) } });

  async function app() {
    const fastify = Fastify();
    fastify.addHook('onSend', compressionHook({ minBytes: 1024 }));
    fastify.get('/big', async (_request, reply) => reply.type('application/json').send(body));
    fastify.get('/small', async (_request, reply) => reply.type('application/json').send('{"data":{}}'));
    await fastify.ready();
    return fastify;
  }

  it('compresses a large response with the best encoding the client accepts', async () => {
    const fastify = await app();
    const br = await fastify.inject({ method: 'GET', url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    const gzip = await fastify.inject({ method: 'GET', url: '/big', headers: { 'accept-encoding': 'gzip' } });
    await fastify.close();
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(body);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(body);
    expect(br.headers.vary).toContain('Accept-Encoding');
  });

  it('leaves small responses and clients that accept no encoding alone', async () => {
    const fastify = await app();
    const small = await fastify.inject({ method: 'GET', url: '/small', headers: { 'accept-encoding': 'br' } });
    const plain = await fastify.inject({ method: 'GET', url: '/big' });
    await fastify.close();
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(body);
  });
});

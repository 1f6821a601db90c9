import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestApp } from '@mestres/testing';
import { post, someClientIp, startBenchmarkMesh, startGateway, type BenchmarkMesh } from './support/benchmark-mesh';

const DEEP_QUERY = /* GraphQL */ `
  query Deep {
    users { reviews { product { reviews { author { reviews { product { name } } } } } } }
  }
`;
const TOP_PRODUCTS = 'query Top { topProducts(first: 2) { upc name } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('gateway protection', () => {
  let mesh: BenchmarkMesh;
  let gateway: TestApp;
  const as = (ip = someClientIp()) => ({ 'x-forwarded-for': ip });

  beforeAll(async () => {
    mesh = await startBenchmarkMesh();
    gateway = await startGateway(mesh.supergraphFile, {
      QUERY_MAX_DEPTH: '6',
      QUERY_MAX_ALIASES: '2',
      QUERY_MAX_ROOT_FIELDS: '3',
      QUERY_MAX_COST: '200',
      VARIABLES_LIMIT_BYTES: '256',
      RATE_LIMIT_PER_IP: '5',
      TRUSTED_PROXY_HOPS: '1',
      CORS_ORIGINS: 'https://loja.mestrescafe.com.br',
      INTROSPECTION: 'false',
      RESPONSE_CACHE_ENABLED: 'false',
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await mesh?.close();
  });

  describe('operation limits', () => {
    it.each([
      ['QUERY_TOO_DEEP', DEEP_QUERY, {}, { limit: 6, actual: 8, setting: 'QUERY_MAX_DEPTH' }],
      ['TOO_MANY_ALIASES', '{ a: topProducts { b: name c: upc } }', {}, { limit: 2, actual: 3 }],
      ['TOO_MANY_ROOT_FIELDS', '{ me { id } users { id } topProducts { upc } user(id: "1") { id } }', {}, { limit: 3, actual: 4 }],
      ['QUERY_TOO_COMPLEX', '{ users { reviews { product { reviews { id } } } } }', {}, { limit: 200, setting: 'QUERY_MAX_COST' }],
      ['VARIABLES_TOO_LARGE', 'query($id: ID!) { user(id: $id) { id } }', { id: 'x'.repeat(300) }, { limit: 256 }],
    ])('refuses %s before planning, naming the limit and the value', async (reason, query, variables, details) => {
      const callsBefore = mesh.subgraphCalls();
      const { status, body } = await post(gateway.graphqlUrl, { query, variables }, as());
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, ...details });
      expect(mesh.subgraphCalls()).toBe(callsBefore);
    });

    it('serves an operation within every limit', async () => {
      const { status, body } = await post<{ topProducts: unknown[] }>(gateway.graphqlUrl, { query: TOP_PRODUCTS }, as());
      expect(status).toBe(200);
      expect(body.data?.topProducts).toHaveLength(2);
    });
  });

  it('refuses a request body over the size limit with 413', async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as() },
      body: JSON.stringify({ query: `{ users { id } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('rate-limits a client IP with 429, TOO_MANY_REQUESTS and retry-after, other IPs unaffected', async () => {
    const ip = someClientIp();
    for (let i = 0; i < 5; i++) expect((await post(gateway.graphqlUrl, { query: TOP_PRODUCTS }, as(ip))).status).toBe(200);
    const limited = await post(gateway.graphqlUrl, { query: TOP_PRODUCTS }, as(ip));
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limit: 'ip' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(gateway.graphqlUrl, { query: TOP_PRODUCTS }, as())).status).toBe(200);
  });

  it('counts requests with a bad token against the IP, so a flood of them is throttled too', async () => {
    const ip = someClientIp();
    const forged = { ...as(ip), authorization: 'Bearer not-a-jwt' };
    for (let i = 0; i < 5; i++) expect((await post(gateway.graphqlUrl, { query: TOP_PRODUCTS }, forged)).status).toBe(401);
    expect((await post(gateway.graphqlUrl, { query: TOP_PRODUCTS }, forged)).status).toBe(429);
  });

  it('serves automatic persisted queries registered in Redis', async () => {
    const query = `query Apq { topProducts(first: 1) { upc } } # ${Date.now()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post(gateway.graphqlUrl, { extensions }, as());
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(gateway.graphqlUrl, { query, extensions }, as())).status).toBe(200);
    const byHash = await post<{ topProducts: Array<{ upc: string }> }>(gateway.graphqlUrl, { extensions }, as());
    expect(byHash.body.data?.topProducts).toEqual([{ upc: '1' }]);
  });

  it('blocks requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const response = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent(TOP_PRODUCTS)}`, { headers: as() });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('allows the configured browser origin only', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.graphqlUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    const allowed = await preflight('https://loja.mestrescafe.com.br');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://loja.mestrescafe.com.br');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });

  it('sends security headers, and compresses large responses for clients that accept it', async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br', ...as() },
      body: JSON.stringify({ query: '{ users { id name reviews { body } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(((await response.json()) as { data: { users: unknown[] } }).data.users).toHaveLength(6);
  });

  it('serves GraphiQL from the local bundle outside production, without the API content security policy', async () => {
    const response = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).toContain('GraphiQL');
  });

  it('refuses introspection when INTROSPECTION is off', async () => {
    const { body } = await post(gateway.graphqlUrl, { query: '{ __schema { queryType { name } } }' }, as());
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });

  describe('safelist mode', () => {
    let safelisted: TestApp;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'safelist-'));
      const manifest = path.join(dir, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(TOP_PRODUCTS), name: 'Top', type: 'query', body: TOP_PRODUCTS }] }));
      safelisted = await startGateway(mesh.supergraphFile, { SAFELIST_MANIFEST_PATH: manifest, RESPONSE_CACHE_ENABLED: 'false' });
    }, 60_000);

    afterAll(async () => {
      await safelisted?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs a registered operation, sent in full or by hash', async () => {
      expect((await post(safelisted.graphqlUrl, { query: TOP_PRODUCTS })).status).toBe(200);
      const byHash = await post<{ topProducts: unknown[] }>(safelisted.graphqlUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TOP_PRODUCTS) } } });
      expect(byHash.body.data?.topProducts).toHaveLength(2);
    });

    it('serves a registered operation by hash over GET, as CDNs cache it', async () => {
      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(TOP_PRODUCTS) } }));
      const response = await fetch(`${safelisted.graphqlUrl}?extensions=${extensions}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { topProducts: unknown[] } }).data.topProducts).toHaveLength(2);
    });

    it('refuses anything else, and does not let APQ register it', async () => {
      const query = '{ users { id } }';
      const refused = await post(safelisted.graphqlUrl, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPERATION_NOT_IN_SAFELIST' });
      expect((await post(safelisted.graphqlUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })).status).toBe(400);
    });
  });
});

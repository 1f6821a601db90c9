import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokenSigner, loadAccessTokenSigningKey, Role } from '@mestres/auth';
import type { TestApp } from '@mestres/testing';
import { InvalidationRegistry } from '../../src/response-cache/invalidation-registry';
import { post, startBenchmarkMesh, startGateway, type BenchmarkMesh } from './support/benchmark-mesh';

const QUERY = '{ topProducts(first: 3) { upc name price reviews { id } } }';

async function bearer(userId: string, roles: Role[]): Promise<Record<string, string>> {
  const signer = new AccessTokenSigner(await loadAccessTokenSigningKey({ NODE_ENV: 'test' }), {
    issuer: 'https://auth.mestrescafe.local',
    audience: 'mestres-api',
    ttlSeconds: 300,
  });
  const { token } = await signer.sign({ userId, roles, sessionId: `session-${userId}`, tokenVersion: 1 });
  return { authorization: `Bearer ${token}` };
}

async function waitForCacheFeed(gateway: TestApp): Promise<void> {
  // The cache is bypassed until the invalidation feed (NATS) is subscribed.
  for (let i = 0; i < 100; i++) {
    const first = await post(gateway.graphqlUrl, { query: '{ users { id } }' });
    const second = await post(gateway.graphqlUrl, { query: '{ users { id } }' });
    if (first.headers.get('x-mestres-cache') === 'hit' || second.headers.get('x-mestres-cache') === 'hit') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the response cache never started serving');
}

describe('gateway response cache', () => {
  describe('with public cache hints from the subgraphs', () => {
    let mesh: BenchmarkMesh;
    let gateway: TestApp;

    beforeAll(async () => {
      mesh = await startBenchmarkMesh({ cacheControl: 'max-age=60, public' });
      gateway = await startGateway(mesh.supergraphFile, { JWT_ISSUER: 'https://auth.mestrescafe.local', JWT_AUDIENCE: 'mestres-api' });
      await waitForCacheFeed(gateway);
    }, 60_000);

    afterAll(async () => {
      await gateway?.close();
      await mesh?.close();
    });

    it('serves a repeated public query from the cache without calling the subgraphs', async () => {
      const first = await post(gateway.graphqlUrl, { query: QUERY, variables: { n: 1 } });
      const calls = mesh.subgraphCalls();
      const second = await post(gateway.graphqlUrl, { query: QUERY, variables: { n: 1 } });
      expect(first.headers.get('x-mestres-cache')).toBe('miss');
      expect(second.headers.get('x-mestres-cache')).toBe('hit');
      expect(second.body).toEqual(first.body);
      expect(mesh.subgraphCalls()).toBe(calls);
      expect(second.headers.get('cache-control')).toMatch(/^max-age=\d+, public$/);
    });

    it('shares entries among customers but keeps other role sets apart', async () => {
      const variables = { n: 2 };
      const alice = await bearer('alice', [Role.CUSTOMER]);
      const bob = await bearer('bob', [Role.CUSTOMER]);
      const admin = await bearer('admin', [Role.ADMIN]);
      expect((await post(gateway.graphqlUrl, { query: QUERY, variables }, alice)).headers.get('x-mestres-cache')).toBe('miss');
      expect((await post(gateway.graphqlUrl, { query: QUERY, variables }, bob)).headers.get('x-mestres-cache')).toBe('hit');
      expect((await post(gateway.graphqlUrl, { query: QUERY, variables }, admin)).headers.get('x-mestres-cache')).toBe('miss');
      expect((await post(gateway.graphqlUrl, { query: QUERY, variables })).headers.get('x-mestres-cache')).toBe('miss');
    });

    it('counts hits and misses in mestres_gateway_response_cache_requests_total', async () => {
      const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/mestres_gateway_response_cache_requests_total\{result="hit"[^}]*\} [1-9]/);
      expect(metrics).toMatch(/mestres_gateway_response_cache_requests_total\{result="miss"[^}]*\} [1-9]/);
    });
  });

  describe('with private or missing cache hints', () => {
    let mesh: BenchmarkMesh;
    let gateway: TestApp;

    beforeAll(async () => {
      mesh = await startBenchmarkMesh({ cacheControl: 'max-age=60, private', delayMs: 300 });
      // Subgraph fetch merging off, so only the gateway's own de-duplication can merge.
      gateway = await startGateway(mesh.supergraphFile, { SUBGRAPH_FETCH_DEDUPE: 'false' });
    }, 60_000);

    afterAll(async () => {
      await gateway?.close();
      await mesh?.close();
    });

    it('never stores a private response', async () => {
      // Until the invalidation feed is live every lookup misses anyway: wait for it, so the
      // misses below can only come from the response not having been stored.
      const registry = gateway.app.get(InvalidationRegistry);
      for (let i = 0; i < 100 && !registry.trusting; i++) await sleep(50);
      expect(registry.trusting).toBe(true);
      for (let i = 0; i < 3; i++) {
        expect((await post(gateway.graphqlUrl, { query: QUERY, variables: { private: true } })).headers.get('x-mestres-cache')).toBe('miss');
      }
    });

    it('makes identical queries arriving together wait for the first one instead of running again', async () => {
      const calls = mesh.subgraphCalls();
      await post(gateway.graphqlUrl, { query: QUERY, variables: { alone: true } });
      const callsForOne = mesh.subgraphCalls() - calls;
      const before = mesh.subgraphCalls();
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(gateway.graphqlUrl, { query: QUERY, variables: { together: true } })));
      expect(mesh.subgraphCalls() - before).toBe(callsForOne);
      expect(responses.map((response) => response.headers.get('x-mestres-cache')).sort()).toEqual(['coalesced', 'coalesced', 'coalesced', 'coalesced', 'miss']);
      expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
    });
  });
});

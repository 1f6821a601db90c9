import { setTimeout as sleep } from 'node:timers/promises';
import type { TestApp } from '@mestres/testing';
import { startSubgraphServer } from '../../../../bench/federation/subgraphs/subgraph-server';
import { post, startBenchmarkMesh, startGateway, type BenchmarkMesh } from './support/benchmark-mesh';

const WITHOUT_REVIEWS = '{ topProducts { upc name inStock shippingEstimate } }';
const WITH_REVIEWS = '{ topProducts { upc name reviews { body } } }';

interface TopProducts {
  topProducts: Array<{ upc: string; name: string; reviews?: Array<{ body: string }> | null }>;
}

describe('gateway with a subgraph down or slow', () => {
  let mesh: BenchmarkMesh;
  let gateway: TestApp;
  let reviewsPort: number;

  beforeAll(async () => {
    mesh = await startBenchmarkMesh();
    reviewsPort = mesh.reviews.port;
    gateway = await startGateway(mesh.supergraphFile, {
      CIRCUIT_FAILURE_THRESHOLD: '2',
      CIRCUIT_OPEN_MS: '1000',
      SUBGRAPH_TIMEOUT_MS: '5000',
      SUBGRAPH_TIMEOUT_OVERRIDES: 'reviews=500',
      RESPONSE_CACHE_ENABLED: 'false',
    });
    // Healthy to begin with.
    expect((await post<TopProducts>(gateway.graphqlUrl, { query: WITH_REVIEWS })).body.errors).toBeUndefined();
    await mesh.reviews.close();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await mesh?.close();
  });

  it('serves queries that do not need the stopped subgraph as usual', async () => {
    const { status, body } = await post<TopProducts>(gateway.graphqlUrl, { query: WITHOUT_REVIEWS });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.topProducts.map((product) => product.name)).toEqual(['Table', 'Couch', 'Glass', 'Chair', 'TV']);
  });

  it('answers queries that need it with the rest of the data and an error naming the service', async () => {
    const { status, body } = await post<TopProducts>(gateway.graphqlUrl, { query: WITH_REVIEWS });
    expect(status).toBe(200);
    expect(body.data?.topProducts.map((product) => product.name)).toEqual(['Table', 'Couch', 'Glass', 'Chair', 'TV']);
    expect(body.data?.topProducts.every((product) => product.reviews === null)).toBe(true);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'reviews', reason: 'UNREACHABLE' });
    expect(body.errors?.[0].message).toMatch(/reviews service/);
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
  });

  it('opens the circuit after repeated failures, failing fast without calling the subgraph', async () => {
    await post(gateway.graphqlUrl, { query: WITH_REVIEWS }); // the second consecutive failure
    const { body } = await post<TopProducts>(gateway.graphqlUrl, { query: WITH_REVIEWS });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'reviews', reason: 'CIRCUIT_OPEN' });
    expect(body.data?.topProducts).toHaveLength(5);
    const metrics = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/mestres_gateway_circuit_state\{subgraph="reviews"[^}]*\} 2/);
  });

  it('closes the circuit again once the subgraph is back and a probe succeeds', async () => {
    mesh.reviews = await startSubgraphServer({ port: reviewsPort, subgraphs: ['reviews'] });
    await sleep(1_100); // the open period
    const { body } = await post<TopProducts>(gateway.graphqlUrl, { query: WITH_REVIEWS });
    expect(body.errors).toBeUndefined();
    expect(body.data?.topProducts[0].reviews).toHaveLength(4);
  });

  it('gives up on a slow subgraph at its timeout, serving the rest', async () => {
    mesh.reviews.setDelayMs(2_000);
    try {
      const { body } = await post<TopProducts>(gateway.graphqlUrl, { query: WITH_REVIEWS });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'reviews', reason: 'TIMEOUT' });
      expect(body.data?.topProducts).toHaveLength(5);
    } finally {
      mesh.reviews.setDelayMs(0);
    }
  });
});

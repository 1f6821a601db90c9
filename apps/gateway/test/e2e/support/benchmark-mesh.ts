import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@mestres/config';
import { startTestApp, testServiceEnv, type TestApp } from '@mestres/testing';
// The public federation benchmark's four static subgraphs: a small, stable mesh to
// exercise the gateway against, independent of the shop's own services.
import { SUBGRAPH_NAMES, type SubgraphName } from '../../../../../bench/federation/subgraphs/schemas';
import { startSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from '../../../../../bench/federation/subgraphs/subgraph-server';
import { composeBenchmarkSupergraph } from '../../../../../bench/federation/supergraph';
import { AppModule } from '../../../src/app.module';
import { gatewayConfigSchema } from '../../../src/config';

/** The benchmark subgraphs, with `reviews` in a server of its own so a test can stop it. */
export interface BenchmarkMesh {
  main: SubgraphServer;
  reviews: SubgraphServer;
  supergraphFile: string;
  /** Subgraph requests served so far, all servers together. */
  subgraphCalls(): number;
  close(): Promise<void>;
}

export async function startBenchmarkMesh(options: Omit<SubgraphServerOptions, 'subgraphs' | 'port'> = {}): Promise<BenchmarkMesh> {
  const main = await startSubgraphServer({ ...options, subgraphs: SUBGRAPH_NAMES.filter((name) => name !== 'reviews') });
  const reviews = await startSubgraphServer({ ...options, subgraphs: ['reviews'] });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gateway-e2e-'));
  const supergraphFile = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphFile, composeBenchmarkSupergraph((name: SubgraphName) => (name === 'reviews' ? reviews : main).url(name)));
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
  const mesh: BenchmarkMesh = {
    main,
    reviews,
    supergraphFile,
    subgraphCalls: () => total(mesh.main.requestCounts()) + total(mesh.reviews.requestCounts()),
    // Closes the servers the mesh holds now: a test may have replaced one.
    async close() {
      await Promise.allSettled([mesh.main.close(), mesh.reviews.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return mesh;
}

/** Boots the whole gateway app (as main.ts does) over a supergraph file, with config overrides. */
export async function startGateway(supergraphFile: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig('gateway', gatewayConfigSchema, { ...testServiceEnv('unused'), SUPERGRAPH_PATH: supergraphFile, ...env });
  return startTestApp('gateway', AppModule.forRoot(config));
}

export interface PostResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** POSTs a GraphQL request body (query, variables, extensions) as a browser app would. */
export async function post<T = Record<string, unknown>>(url: string, body: object, headers: Record<string, string> = {}): Promise<PostResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as PostResult<T>['body'] };
}

/** A documentation-range IP per call, so tests never share a rate-limit bucket by accident. */
let nextIp = 1;
export function someClientIp(): string {
  nextIp = (nextIp % 250) + 1;
  return `198.18.${Math.floor(Math.random() * 250)}.${nextIp}`;
}

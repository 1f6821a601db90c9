import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { graphqlRequest, startServiceProcess, testServiceEnv, type ServiceProcess } from '@mestres/testing';
import { seedCatalog } from '../../apps/catalog/src/seed/seed-catalog';
import { seedLargeCatalog } from '../../apps/catalog/src/seed/large-catalog';
import { composeSupergraph } from '../../apps/gateway/src/supergraph/compose-supergraph';
// The platform's end-to-end mesh: every service as its own process from dist/, each on a
// migrated throwaway schema, sharing one NATS and Redis prefix.
import { SUBGRAPH_NAMES, startMesh, type Mesh } from '../../test/e2e/support/mesh';

/** A whole mesh for the storefront mix, torn down (schemas, streams, keys) by `close`. */
export interface StorefrontMesh {
  gatewayUrl: string;
  metricsUrls: Record<string, string>;
  close(): Promise<void>;
}

export interface StorefrontMeshOptions {
  /** Products generated on top of the demo catalog (the catalog's large-catalog generator). */
  products: number;
  /** Gateway worker processes. */
  gatewayWorkers: number;
  log: (line: string) => void;
}

/**
 * Boots the platform for the storefront mix: the services through the end-to-end mesh (demo
 * data plus a generated large catalog), and in front a gateway configured as in production
 * (response cache on, cluster workers, operation limits, tracing sampled at 10%) except for
 * what one load generator on one IP forces: rate limits raised. It runs with NODE_ENV=test
 * only because production refuses the development signing key the mesh's users service uses.
 */
export async function startStorefrontMesh(options: StorefrontMeshOptions): Promise<StorefrontMesh> {
  options.log(`storefront: starting the mesh (${options.products} generated products)...`);
  const mesh: Mesh = await startMesh({
    seed: async (db) => {
      await seedCatalog(db.catalog.tx);
      if (options.products > 0) await seedLargeCatalog(db.catalog.tx, { products: options.products, log: (line) => options.log(`storefront: ${line}`) });
      // A well-stocked shop: the generated SKUs hold at most 60 units, which a minute of
      // checkouts of popular SKUs would sell out, turning the mix into out-of-stock errors.
      await db.catalog.tx.manager.query(`UPDATE stock_levels SET on_hand = 1000000 WHERE on_hand > 0`);
    },
  });
  let gateway: ServiceProcess | undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mestres-storefront-'));
  try {
    const supergraph = path.join(dir, 'supergraph.graphql');
    await writeFile(supergraph, await composeFromServices(mesh));
    gateway = await startServiceProcess(
      'gateway',
      {
        ...testServiceEnv('unused'),
        NATS_PREFIX: mesh.natsPrefix,
        REDIS_PREFIX: mesh.redisPrefix,
        SUPERGRAPH_PATH: supergraph,
        CATALOG_URL: mesh.services.catalog.graphqlUrl,
        ORDERS_URL: mesh.services.orders.graphqlUrl,
        COURSES_URL: mesh.services.courses.graphqlUrl,
        USERS_URL: mesh.services.users.graphqlUrl,
        JOBS_URL: mesh.services.jobs.graphqlUrl,
        GATEWAY_WORKERS: String(options.gatewayWorkers),
        GRAPHIQL: 'false',
        INTROSPECTION: 'false',
        OTEL_TRACES_SAMPLER_RATIO: '0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_IP: '100000000',
        RATE_LIMIT_PER_USER: '100000000',
      },
      120_000,
    );
  } catch (error) {
    await mesh.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const started = gateway;
  return {
    gatewayUrl: started.graphqlUrl,
    metricsUrls: {
      gateway: `${started.baseUrl}/metrics`,
      ...Object.fromEntries(SUBGRAPH_NAMES.filter((name) => name !== 'jobs').map((name) => [name, `${mesh.services[name].baseUrl}/metrics`])),
    },
    async close() {
      await started.stop();
      await mesh.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function composeFromServices(mesh: Mesh): Promise<string> {
  const subgraphs = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const { body } = await graphqlRequest<{ _service: { sdl: string } }>(mesh.services[name].graphqlUrl, '{ _service { sdl } }');
      if (!body.data) throw new Error(`${name} did not serve its SDL`);
      return { name, url: mesh.services[name].graphqlUrl, sdl: body.data._service.sdl };
    }),
  );
  return composeSupergraph(subgraphs);
}

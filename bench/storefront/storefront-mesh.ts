import { seedCatalog } from '../../apps/catalog/src/seed/seed-catalog';
import { seedLargeCatalog } from '../../apps/catalog/src/seed/large-catalog';
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
    gatewayEnv: {
      GATEWAY_WORKERS: String(options.gatewayWorkers),
      GRAPHIQL: 'false',
      INTROSPECTION: 'false',
      SUBGRAPH_TIMEOUT_MS: '5000',
      OTEL_TRACES_SAMPLER_RATIO: '0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_IP: '100000000',
      RATE_LIMIT_PER_USER: '100000000',
    },
  });
  return {
    gatewayUrl: mesh.gateway.graphqlUrl,
    metricsUrls: {
      gateway: `${mesh.gateway.baseUrl}/metrics`,
      ...Object.fromEntries(SUBGRAPH_NAMES.filter((name) => name !== 'jobs').map((name) => [name, `${mesh.services[name].baseUrl}/metrics`])),
    },
    close: () => mesh.close(),
  };
}

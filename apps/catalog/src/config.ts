import { baseSchema, databaseSchema, env, z } from '@mestres/config';

export const catalogConfigSchema = baseSchema.extend(databaseSchema('catalog').shape).extend({
  PORT: env.port(4001),
  /** Development only: where to write this subgraph's SDL for `npm run compose`. */
  GRAPHQL_SCHEMA_FILE: z.string().optional(),
  INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
  /** Lifetime of cached product pages; writes invalidate them sooner. */
  CATALOG_PRODUCT_CACHE_TTL_SECONDS: env.int(300, 1),
  /** Lifetime of cached list and search pages; also bounds how stale an `inStock` filter can be. */
  CATALOG_LIST_CACHE_TTL_SECONDS: env.int(60, 1),
  /** `max-age` the catalog sends for public reads, which the gateway may cache. */
  CATALOG_HTTP_CACHE_MAX_AGE_SECONDS: env.int(60, 0),
});

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

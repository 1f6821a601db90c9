import { accessTokenVerifierConfigSchema } from '@mestres/auth';
import { baseSchema, env, z } from '@mestres/config';

const optionalHttpUrl = env.optionalUrl(['http', 'https']);

export const gatewayConfigSchema = baseSchema
  .extend(accessTokenVerifierConfigSchema.shape)
  .extend({
    PORT: env.port(4000),
    /** Static supergraph composed by `npm run compose` (relative to the working directory). */
    SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql'),
    /** Subgraph URLs; when unset, the URL recorded in the supergraph (local ports) is used. */
    CATALOG_URL: optionalHttpUrl,
    ORDERS_URL: optionalHttpUrl,
    COURSES_URL: optionalHttpUrl,
    USERS_URL: optionalHttpUrl,
    /** A subgraph fetch slower than this is aborted and reported as a partial-data error. */
    SUBGRAPH_TIMEOUT_MS: env.int(5000, 50),
    /** Serve GraphiQL at GET /graphql (defaults to on outside production). */
    GRAPHIQL: z.enum(['true', 'false']).optional(),
    /** Allow schema introspection (defaults to on outside production). */
    INTROSPECTION: z.enum(['true', 'false']).optional(),
    /** HMAC key shared with the subgraphs to sign the forwarded caller identity. */
    INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
    /** Largest accepted request body. */
    BODY_LIMIT_BYTES: env.int(1_048_576, 1024),
  })
  .transform((config) => ({
    ...config,
    graphiql: config.GRAPHIQL ? config.GRAPHIQL === 'true' : config.NODE_ENV !== 'production',
    introspection: config.INTROSPECTION ? config.INTROSPECTION === 'true' : config.NODE_ENV !== 'production',
  }));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

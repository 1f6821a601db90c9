import { baseSchema, databaseSchema, env, z } from '@mestres/config';

export const coursesConfigSchema = baseSchema.extend(databaseSchema('courses').shape).extend({
  PORT: env.port(4003),
  /** Development only: where to write this subgraph's SDL for `npm run compose`. */
  GRAPHQL_SCHEMA_FILE: z.string().optional(),
  INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
});

export type CoursesConfig = z.infer<typeof coursesConfigSchema>;

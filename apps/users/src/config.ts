import { baseSchema, databaseSchema, env, z } from '@mestres/config';
import { accessTokenSignerConfigSchema } from '@mestres/auth';

const DAY_SECONDS = 24 * 60 * 60;

export const usersConfigSchema = baseSchema
  .extend(databaseSchema('users').shape)
  .extend(accessTokenSignerConfigSchema.shape)
  .extend({
    PORT: env.port(4004),
    GRAPHQL_SCHEMA_FILE: z.string().optional(),
    INTERNAL_AUTH_SECRET: env.secret('dev-only-internal-auth-secret-change-me-000'),
    /** Refresh tokens expire after this long unused; every use rotates and renews them. */
    REFRESH_TOKEN_TTL_SECONDS: env.int(30 * DAY_SECONDS, 60),
    /** argon2id cost. The floors are OWASP's minimum (19 MiB, 2 passes); the defaults are above it. */
    PASSWORD_HASH_MEMORY_KIB: env.int(65_536, 19_456),
    PASSWORD_HASH_TIME_COST: env.int(3, 2),
    /** Failed logins allowed per email, and per client IP, within the window. */
    LOGIN_MAX_FAILURES_PER_EMAIL: env.int(5, 1),
    LOGIN_MAX_FAILURES_PER_IP: env.int(20, 1),
    LOGIN_FAILURE_WINDOW_SECONDS: env.int(15 * 60, 1),
  });

export type UsersConfig = z.infer<typeof usersConfigSchema>;

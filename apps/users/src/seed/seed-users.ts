import { demoUserId } from '@mestres/contracts';
import { Role } from '@mestres/auth';
import { loadConfig } from '@mestres/config';
import { createServiceDataSources, databaseSettingsFromConfig, initializeServiceDataSources } from '@mestres/database';
import { assertPasswordPolicy } from '../authentication/password-policy';
import { usersConfigSchema } from '../config';
import { usersDatabase } from '../database';
import { PasswordHasher } from '../shared/password-hasher';

/** Password of every demo account. Development only: the seed refuses to run in production. */
export const DEMO_PASSWORD = 'Mestres-Cafe-2026';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@mestres.cafe', name: 'Ana Admin', roles: [Role.ADMIN] },
  { email: 'instrutor@mestres.cafe', name: 'Igor Instrutor', roles: [Role.INSTRUCTOR] },
  { email: 'cliente@mestres.cafe', name: 'Clara Cliente', roles: [Role.CUSTOMER] },
];

export interface SeededUser {
  id: string;
  email: string;
  roles: Role[];
  created: boolean;
}

export interface SeedUsersOptions {
  /** Environment read with the users config schema (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/**
 * Creates (or resets to the documented password and roles) one demo account per role, for
 * local development. Idempotent. Refuses NODE_ENV=production. Demo accounts are not
 * announced as `users.user.registered.v1`: nobody registered, so no welcome email is due.
 */
export async function seedUsers(options: SeedUsersOptions = {}): Promise<SeededUser[]> {
  const config = loadConfig('users', usersConfigSchema, options.env ?? process.env);
  if (config.NODE_ENV === 'production') throw new Error('seedUsers refuses to run with NODE_ENV=production');
  const log = options.log ?? (() => undefined);
  const hasher = new PasswordHasher({ memoryCost: config.PASSWORD_HASH_MEMORY_KIB, timeCost: config.PASSWORD_HASH_TIME_COST });
  const sources = createServiceDataSources(usersDatabase(config.DATABASE_SCHEMA), {
    ...databaseSettingsFromConfig('users-seed', config),
    readUrl: undefined,
    poolSize: 1,
  });
  await initializeServiceDataSources(sources);
  try {
    const seeded: SeededUser[] = [];
    for (const demo of DEMO_USERS) {
      assertPasswordPolicy(DEMO_PASSWORD, demo.email, 'DEMO_PASSWORD');
      const passwordHash = await hasher.hash(DEMO_PASSWORD);
      // Raising token_version on reset revokes access tokens issued with the old roles.
      const rows: Array<{ id: string; created: boolean }> = await sources.primary.query(
        `INSERT INTO users (id, email, name, password_hash, roles)
         VALUES ($5, $1, $2, $3, $4::text[])
         ON CONFLICT ((lower(email))) DO UPDATE
           SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
               token_version = users.token_version + 1, updated_at = now(), password_changed_at = now()
         RETURNING id, (xmax = 0) AS created`,
        // Stable ids let the other seeds (courses' instructor, orders' customer) name these users.
        [demo.email, demo.name, passwordHash, demo.roles, demoUserId(demo.email)],
      );
      seeded.push({ id: rows[0].id, email: demo.email, roles: demo.roles, created: rows[0].created });
      log(`users: ${rows[0].created ? 'created' : 'reset'} ${demo.email} (${demo.roles.join(', ')})`);
    }
    return seeded;
  } finally {
    await sources.primary.destroy();
  }
}

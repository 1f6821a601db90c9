// `npm run migrate [app...]`: provisions each service's Postgres role and schema and runs
// its migrations (under an advisory lock, so parallel runs and replicas never race).
// Reads DATABASE_ADMIN_URL (a role that may create roles and schemas) and each app's
// own DATABASE_URL / DATABASE_SCHEMA. Used by `npm start` and by the Kubernetes Job.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DATABASE_APPS = ['catalog', 'orders', 'courses', 'users', 'jobs'];
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/mestres';

const requested = process.argv.slice(2);
for (const app of requested) {
  if (!DATABASE_APPS.includes(app)) {
    console.error(`migrate: unknown app "${app}" (expected one of ${DATABASE_APPS.join(', ')})`);
    process.exit(2);
  }
}
if (!existsSync(path.join(root, 'dist/libs/database/src/index.js'))) {
  console.error('migrate: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const { migrateService, databaseSettingsFromConfig } = require(path.join(root, 'dist/libs/database/src/index.js'));
const { loadConfigOrExit } = require(path.join(root, 'dist/libs/config/src/index.js'));

for (const app of requested.length ? requested : DATABASE_APPS) {
  const databaseFile = path.join(root, `dist/apps/${app}/src/database.js`);
  if (!existsSync(databaseFile)) {
    if (requested.length) {
      console.error(`migrate: ${app} has no database definition (apps/${app}/src/database.ts)`);
      process.exit(1);
    }
    continue;
  }
  const config = loadConfigOrExit(app, require(path.join(root, `dist/apps/${app}/src/config.js`))[`${app}ConfigSchema`]);
  const definition = require(databaseFile)[`${app}Database`](config.DATABASE_SCHEMA);
  try {
    const applied = await migrateService({
      adminUrl,
      definition,
      settings: databaseSettingsFromConfig(`${app}-migrate`, config),
      log: (line) => console.log(`migrate: ${line}`),
    });
    console.log(`migrate: ${app} up to date (${applied.length} applied)`);
  } catch (error) {
    console.error(`migrate: ${app} failed: ${error.message}`);
    process.exit(1);
  }
}

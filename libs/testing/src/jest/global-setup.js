// Runs once before Jest starts its workers: makes sure the test database exists and has
// the extensions the integration specs rely on. Each spec then works in its own schema.
const { Client } = require('pg');

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mestres_test';
const EXTENSIONS = ['pg_trgm', 'unaccent', 'btree_gin'];
// Needs shared_preload_libraries to collect anything; installed when the server has it.
const OPTIONAL_EXTENSIONS = ['pg_stat_statements'];

// Codes that mean a concurrent run created the same thing first.
const ALREADY_EXISTS = new Set(['42P04', '42710', '23505']);

async function withClient(connectionString, work) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, pathname } = new URL(connectionString);
    throw new Error(
      `Jest global setup: cannot connect to Postgres at ${host}${pathname} (${error.message}). ` +
        'Run the tests with `npm test`, which starts what is missing.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ignoreAlreadyExists = (error) => {
  if (!ALREADY_EXISTS.has(error.code)) throw error;
};

module.exports = async () => {
  // Workers start after this and inherit these, so every spec sees the same defaults.
  process.env.DATABASE_ADMIN_URL ||= DEFAULT_TEST_DATABASE_URL;
  process.env.REDIS_URL ||= 'redis://127.0.0.1:6379';
  process.env.NATS_URL ||= 'nats://127.0.0.1:4222';

  const testUrl = new URL(process.env.DATABASE_ADMIN_URL);
  const database = decodeURIComponent(testUrl.pathname.slice(1)) || 'mestres_test';
  testUrl.pathname = `/${database}`;
  const maintenanceUrl = new URL(testUrl);
  maintenanceUrl.pathname = '/postgres';

  await withClient(maintenanceUrl.toString(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch(ignoreAlreadyExists);
    }
  });

  await withClient(testUrl.toString(), async (client) => {
    const { rows } = await client.query('SELECT name, installed_version FROM pg_available_extensions');
    const available = new Map(rows.map((row) => [row.name, row.installed_version]));
    for (const name of [...EXTENSIONS, ...OPTIONAL_EXTENSIONS]) {
      if (available.get(name)) continue; // installed already
      if (!available.has(name) && OPTIONAL_EXTENSIONS.includes(name)) continue;
      await client
        .query(`CREATE EXTENSION IF NOT EXISTS ${client.escapeIdentifier(name)}`)
        .catch((error) => (OPTIONAL_EXTENSIONS.includes(name) ? undefined : ignoreAlreadyExists(error)));
    }
  });
};

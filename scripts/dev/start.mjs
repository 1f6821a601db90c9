// `npm start`: the whole platform on this machine. Backing services, build, migrations and
// seed data, then the five subgraph services and the gateway, with their logs prefixed.
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureInfra, InfraError, withDatabase } from '../infra/index.mjs';
import { isListening } from '../infra/probes.mjs';
import { prefixOutput } from './log-lines.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SUBGRAPHS = [
  { name: 'catalog', port: 4001 },
  { name: 'orders', port: 4002 },
  { name: 'courses', port: 4003 },
  { name: 'users', port: 4004 },
  { name: 'jobs', port: 4005 },
];
const GATEWAY = { name: 'gateway', port: 4000 };
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const NAME_WIDTH = 7;

const log = (line) => console.log(`${'[start]'.padEnd(NAME_WIDTH + 2)} ${line}`);
const env = { ...process.env, NODE_ENV: 'development' };

class StartError extends Error {}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 9)) {
  console.error(`Node ${process.version} is too old: run \`npm start\` (it uses Node 24 from node_modules).`);
  process.exit(1);
}

/** Every child process still to stop on the way out, with whether its exit is expected. */
const children = new Set();
let infraStarting;
let shuttingDown;

function spawnPrefixed(name, args, extraEnv = {}) {
  // Own process group: a terminal Ctrl-C reaches only this script, which then stops each
  // service once with SIGTERM so it drains gracefully instead of being signalled twice.
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = prefixOutput(name, [child.stdout, child.stderr], { width: NAME_WIDTH });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const entry = { name, child, output, exited };
  children.add(entry);
  exited.then(() => children.delete(entry));
  return entry;
}

function shutdown(exitCode) {
  shuttingDown ??= (async () => {
    const running = [...children];
    if (running.length > 0) log(`stopping ${running.map((entry) => entry.name).join(', ')}...`);
    for (const { child } of running) child.kill('SIGTERM');
    const allExited = Promise.all(running.map((entry) => entry.exited));
    const timedOut = await Promise.race([allExited.then(() => false), sleep(STOP_GRACE_MS, true, { ref: false })]);
    if (timedOut) {
      for (const { name, child } of children) {
        log(`${name} did not stop within ${STOP_GRACE_MS / 1000}s, killing it`);
        child.kill('SIGKILL');
      }
      await allExited;
    }
    const infra = await infraStarting?.catch(() => undefined);
    await infra?.stop();
    process.exit(exitCode);
  })();
  return shuttingDown;
}

// SIGHUP too: the services run in their own process group, so a closed terminal reaches only us.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A second Ctrl-C means "now": no more waiting for graceful shutdowns.
    if (shuttingDown) for (const { child } of children) child.kill('SIGKILL');
    shutdown(0);
  });
}

/** Runs `node <script>` to completion with prefixed output; fails on a non-zero exit. */
async function runStep(name, script) {
  const { exited } = spawnPrefixed(name, [script]);
  const { code, signal } = await exited;
  if (shuttingDown) await shuttingDown;
  if (code !== 0) throw new StartError(`${script} failed (${signal ?? `exit code ${code}`}); see the [${name}] lines above`);
}

function startService({ name }) {
  // Subgraphs write their SDL at boot so the supergraph is composed from what they serve.
  const schemaFile = name === GATEWAY.name ? {} : { GRAPHQL_SCHEMA_FILE: `apps/${name}/schema.graphql` };
  const service = spawnPrefixed(name, ['--enable-source-maps', `dist/apps/${name}/src/main.js`], schemaFile);
  service.exited.then(({ code, signal }) => {
    if (shuttingDown) return;
    log(`${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping everything`);
    shutdown(1);
  });
  return service;
}

async function waitUntilReady({ name, port }, service) {
  const url = `http://127.0.0.1:${port}/health/ready`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (shuttingDown) await shuttingDown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  const lines = service.output.recent().slice(-15).map((line) => `    ${line}`);
  throw new StartError(
    `${name} is not ready after ${READY_TIMEOUT_MS / 1000}s (GET ${url}: ${last}); its last log lines:\n` +
      (lines.join('\n') || '    (nothing logged)'),
  );
}

function exampleCurl() {
  const { EXAMPLE_QUERY } = createRequire(import.meta.url)(path.join(root, 'dist/apps/gateway/src/graphiql/example-query.js'));
  const query = EXAMPLE_QUERY.replace(/^\s*#.*$/gm, '').replace(/\s+/g, ' ').trim();
  const body = JSON.stringify({ query }).replace(/'/g, `'\\''`);
  return `curl -s http://localhost:${GATEWAY.port}/graphql -H 'content-type: application/json' -d '${body}'`;
}

async function main() {
  infraStarting = ensureInfra({ log });
  const infra = await infraStarting;
  // Migrations provision roles and schemas in the development database on the admin server.
  env.DATABASE_ADMIN_URL = withDatabase(infra.urls.databaseAdmin, 'mestres');

  await runStep('build', 'scripts/build.mjs');
  for (const step of ['migrate', 'seed']) {
    const script = `scripts/${step}.mjs`;
    if (existsSync(path.join(root, script))) await runStep(step, script);
    else log(`skipping ${step}: ${script} does not exist`);
  }

  const services = [...SUBGRAPHS, GATEWAY];
  const unbuilt = services.filter(({ name }) => !existsSync(path.join(root, `dist/apps/${name}/src/main.js`)));
  if (unbuilt.length > 0) {
    const names = unbuilt.map(({ name }) => name).join(', ');
    throw new StartError(`cannot start ${names}: no dist/apps/<app>/src/main.js (is there an apps/<app>/src/main.ts?)`);
  }
  const busy = [];
  for (const { name, port } of services) if (await isListening('127.0.0.1', port, 500)) busy.push(`${port} (${name})`);
  if (busy.length > 0) throw new StartError(`port ${busy.join(', ')} already in use: is another \`npm start\` running?`);

  log(`starting ${SUBGRAPHS.map(({ name }) => name).join(', ')}...`);
  await Promise.all(SUBGRAPHS.map((spec) => waitUntilReady(spec, startService(spec))));
  log('subgraphs ready, composing the supergraph from the schemas they serve...');
  await runStep('compose', 'dist/apps/gateway/src/supergraph/compose.cli.js');
  log('starting gateway...');
  await waitUntilReady(GATEWAY, startService(GATEWAY));

  console.log('');
  log(`GraphQL: http://localhost:${GATEWAY.port}/graphql`);
  log(`try:     ${exampleCurl()}`);
  log('Ctrl-C stops everything.');
}

main().catch(async (error) => {
  if (shuttingDown) return;
  console.error(error instanceof InfraError || error instanceof StartError ? `[start] ${error.message}` : error);
  await shutdown(1);
});

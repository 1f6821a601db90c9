// `npm test [-- <jest args>]`: backing services up, type-check, build, then Jest (unit,
// integration and end-to-end).
// Exits with Jest's exit code and stops the services it had to start.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInfra, InfraError, withDatabase } from './infra/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const log = (line) => console.log(`[test] ${line}`);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 9)) {
  console.error(`[test] Node ${process.version} is too old: run \`npm test\` (it uses Node 24 from node_modules).`);
  process.exit(1);
}

let infra;
let child;
let signalled;
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };

async function finish(code) {
  await infra?.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    signalled = signal;
    // On Ctrl-C the terminal already signalled the child; a second signal is harmless.
    if (child && child.exitCode === null) child.kill(signal);
    // Without a child the main flow notices `signalled` at its next step.
  });
}

/** Runs a Node CLI from node_modules with this Node binary; resolves to its exit code. */
async function runNodeCli(script, args, env = process.env) {
  child = spawn(process.execPath, [require.resolve(script), ...args], { cwd: root, stdio: 'inherit', env });
  const [code, signal] = await once(child, 'exit');
  child = undefined;
  return code ?? SIGNAL_EXIT_CODES[signal] ?? 1;
}

try {
  infra = await ensureInfra({ log });
  if (signalled) await finish(SIGNAL_EXIT_CODES[signalled]);

  log('type-checking (tsc --noEmit)...');
  const tscCode = await runNodeCli('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
  if (tscCode !== 0 || signalled) {
    if (!signalled) console.error('[test] type errors: fix them first (npm run typecheck)');
    await finish(signalled ? SIGNAL_EXIT_CODES[signalled] : tscCode);
  }

  // End-to-end tests run some services from their build, as production does.
  log('building dist/ for the end-to-end tests...');
  const buildCode = await runNodeCli(path.join(root, 'scripts/build.mjs'), []);
  if (buildCode !== 0 || signalled) await finish(signalled ? SIGNAL_EXIT_CODES[signalled] : buildCode);

  const nodeOptions = process.env.NODE_OPTIONS ?? '';
  const env = {
    ...process.env,
    NODE_OPTIONS: nodeOptions.includes('--experimental-vm-modules')
      ? nodeOptions
      : `${nodeOptions} --experimental-vm-modules`.trim(),
    DATABASE_ADMIN_URL: withDatabase(infra.urls.databaseAdmin, 'mestres_test'),
    REDIS_URL: process.env.REDIS_URL || infra.urls.redis,
    NATS_URL: process.env.NATS_URL || infra.urls.nats,
  };
  const jestCode = await runNodeCli('jest/bin/jest', process.argv.slice(2), env);
  await finish(jestCode);
} catch (error) {
  console.error(error instanceof InfraError ? `[test] ${error.message}` : error);
  await finish(1);
}

// `npm run bench [-- <options>]`: backing services up (as `npm test` does), build, then the
// benchmark suite (bench/run.ts, whose header lists the options). Stops what it started.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInfra, InfraError, withDatabase } from './infra/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.log(`[bench] ${line}`);

let infra;
let child;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child?.kill(signal));

async function run(args, env = process.env) {
  child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  const [code] = await once(child, 'exit');
  child = undefined;
  return code ?? 1;
}

let code = 1;
try {
  infra = await ensureInfra({ log });
  code = await run([path.join(root, 'scripts/build.mjs')]);
  if (code === 0) {
    code = await run(['-r', path.join(root, 'scripts/register-ts.cjs'), path.join(root, 'bench/run.ts'), ...process.argv.slice(2)], {
      ...process.env,
      // The storefront mix creates its throwaway schemas where the tests do.
      DATABASE_ADMIN_URL: withDatabase(infra.urls.databaseAdmin, 'mestres_test'),
      REDIS_URL: process.env.REDIS_URL || infra.urls.redis,
      NATS_URL: process.env.NATS_URL || infra.urls.nats,
    });
  }
} catch (error) {
  console.error(error instanceof InfraError ? `[bench] ${error.message}` : error);
}
await infra?.stop();
process.exit(code);

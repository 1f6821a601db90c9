// `npm run seed`: loads the demo data of every app that has a seed (idempotent; refuses to
// run with NODE_ENV=production). Each app owns its seed at apps/<app>/src/seed/seed.cli.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.NODE_ENV === 'production') {
  console.error('seed: refusing to load demo data with NODE_ENV=production');
  process.exit(1);
}
// Order matters: courses and orders reference catalog products and users.
for (const app of ['users', 'catalog', 'courses', 'orders', 'jobs']) {
  const cli = path.join(root, `dist/apps/${app}/src/seed/seed.cli.js`);
  if (!existsSync(cli)) continue;
  const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`seed: ${app} failed`);
    process.exit(result.status ?? 1);
  }
}

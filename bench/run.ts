// `npm run bench`: the federation benchmark and the storefront mix; writes docs/benchmarks/.
//
//   npm run bench                       full run (about 10 minutes; builds first)
//   npm run bench -- --quick            seconds, to check the harness (report in a temp dir unless --out)
//   npm run bench -- --only=federation  or --only=storefront
//   npm run bench -- --out=<dir> --rounds=3 --duration=20 --connections=50 --workers=2 --pin
//   --source runs this gateway from the TypeScript sources instead of dist/ (same code, no build)
//
// The storefront mix boots the whole mesh from dist/ on throwaway schemas, with a generated
// catalog of --products=N (default 100000); or set STOREFRONT_GATEWAY_URL to load a mesh
// that is already running.
import os from 'node:os';
import path from 'node:path';
import { FULL_FEDERATION, QUICK_FEDERATION, runBenchmarks, storefrontSettings } from './benchmarks';
import { pinningAvailable } from './federation/federation-benchmark';
import { REPOSITORY_ROOT } from './support/processes';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const number = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));

async function main(): Promise<void> {
  const quick = flag('quick');
  const only = option('only');
  const outDir = path.resolve(option('out') ?? (quick ? path.join(os.tmpdir(), 'mestres-bench-quick') : path.join(REPOSITORY_ROOT, 'docs/benchmarks')));
  const base = quick ? QUICK_FEDERATION : FULL_FEDERATION;
  const federation =
    only === 'storefront'
      ? undefined
      : {
          ...base,
          gateways: option('gateways') ? (option('gateways')!.split(',') as typeof base.gateways) : base.gateways,
          rounds: number('rounds') ?? base.rounds,
          durationSeconds: number('duration') ?? base.durationSeconds,
          connections: number('connections') ?? base.connections,
          mestresWorkers: number('workers') ?? base.mestresWorkers,
          pinning: flag('pin') && pinningAvailable() ? { gateway: '0', subgraphs: '1' } : undefined,
          fromDist: !flag('source'),
        };
  const storefront =
    only === 'federation'
      ? undefined
      : storefrontSettings(quick ? { connections: 4, warmupSeconds: 0, durationSeconds: 2, users: 2, pacedShare: 0.5, readsOnlySeconds: 2 } : { durationSeconds: number('storefront-duration') ?? 60 });
  // Without STOREFRONT_GATEWAY_URL the mix gets a mesh of its own, booted from dist/.
  const storefrontMesh = process.env.STOREFRONT_GATEWAY_URL
    ? undefined
    : { products: number('products') ?? (quick ? 0 : 100_000), gatewayWorkers: number('workers') ?? Math.min(2, os.availableParallelism()) };
  const args = process.argv.slice(2).join(' ');
  const command = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args ? ` -- ${args}` : ''}` : `node -r ./scripts/register-ts.cjs bench/run.ts${args ? ` ${args}` : ''}`;
  await runBenchmarks({ outDir, command, federation, storefront, storefrontMesh: storefront ? storefrontMesh : undefined });
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`[bench] failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);

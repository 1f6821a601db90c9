import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { graphqlAnswers, REPOSITORY_ROOT, startProcess, type BenchProcess } from '../support/processes';

export type GatewayId = 'mestres' | 'apollo' | 'hive' | 'hive-router' | 'mestres-cached';

export interface GatewayLaunch {
  supergraphFile: string;
  port: number;
  /** CPUs to pin the gateway to (taskset), or undefined to let it float. */
  cpus?: string;
  /** Worker processes for this gateway (ours only; the others run their default single process). */
  workers: number;
  /** Run our gateway from dist/ (built) instead of the TypeScript sources. */
  fromDist: boolean;
}

export interface GatewayDefinition {
  id: GatewayId;
  label: string;
  /** How it is configured, for the report. */
  describe(launch: GatewayLaunch): string;
  start(launch: GatewayLaunch): Promise<BenchProcess>;
}

export const gatewayUrl = (port: number): string => `http://127.0.0.1:${port}/graphql`;

const ready = (port: number) => () => graphqlAnswers(gatewayUrl(port));

/** Our gateway as production runs it, with only what a single load generator forces changed. */
function mestresEnv(launch: GatewayLaunch, cache: boolean): Record<string, string> {
  const suffix = randomBytes(4).toString('hex');
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(launch.port),
    SUPERGRAPH_PATH: launch.supergraphFile,
    // Production refuses the committed dev key: a throwaway key set for the run.
    JWT_PUBLIC_KEYS: throwawayJwks(),
    INTERNAL_AUTH_SECRET: randomBytes(32).toString('hex'),
    REDIS_PREFIX: `bench:${suffix}:`,
    NATS_PREFIX: `bench${suffix}`,
    // As in k8s/base/config/shared.env: tracing on, one trace in ten sampled.
    OTEL_TRACES_SAMPLER_RATIO: '0.1',
    // Rate limiting stays on, but every request comes from one IP, the load generator's.
    RATE_LIMIT_PER_IP: '100000000',
    RESPONSE_CACHE_ENABLED: cache ? 'true' : 'false',
    GATEWAY_WORKERS: String(launch.workers),
    // Experiments: BENCH_GATEWAY_ENV='{"KEY":"value"}' overrides any of the above.
    ...(process.env.BENCH_GATEWAY_ENV ? (JSON.parse(process.env.BENCH_GATEWAY_ENV) as Record<string, string>) : {}),
  };
}

function mestresScript(launch: GatewayLaunch): string {
  const dist = path.join(REPOSITORY_ROOT, 'dist/apps/gateway/src/main.js');
  if (launch.fromDist) {
    if (!existsSync(dist)) throw new Error('dist/apps/gateway/src/main.js is missing: run `npm run build` first');
    return dist;
  }
  return path.join(REPOSITORY_ROOT, 'apps/gateway/src/main.ts');
}

function throwawayJwks(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'bench', alg: 'EdDSA', use: 'sig' }] });
}

const hiveBin = () => path.join(REPOSITORY_ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');

export const GATEWAYS: Record<GatewayId, GatewayDefinition> = {
  mestres: {
    id: 'mestres',
    label: 'this gateway',
    describe: (launch) =>
      `NestJS + @apollo/gateway 2.14, production config (NODE_ENV=production): operation limits, rate limits in Redis, APQ, CSRF and CORS checks, security headers, Prometheus metrics, tracing with 10% sampling; a cluster primary with ${launch.workers} worker(s) (64 MB V8 semi-space); response cache and incoming-request de-duplication off; identical in-flight subgraph fetches merged and entity representations de-duplicated`,
    start: (launch) =>
      startProcess({ name: 'this gateway', script: mestresScript(launch), env: mestresEnv(launch, false), cpus: launch.cpus, ready: ready(launch.port) }),
  },
  'mestres-cached': {
    id: 'mestres-cached',
    label: 'this gateway, response cache on',
    describe: (launch) => `as above with the response cache on (subgraphs send \`cache-control: max-age=60, public\`), ${launch.workers} worker(s)`,
    start: (launch) =>
      startProcess({ name: 'this gateway (cache)', script: mestresScript(launch), env: mestresEnv(launch, true), cpus: launch.cpus, ready: ready(launch.port) }),
  },
  apollo: {
    id: 'apollo',
    label: '@apollo/gateway (plain)',
    describe: () => '@apollo/gateway 2.14 on @apollo/server 5 standalone, defaults, one process',
    start: (launch) =>
      startProcess({
        name: 'plain @apollo/gateway',
        script: path.join(REPOSITORY_ROOT, 'bench/federation/gateways/apollo-plain.ts'),
        args: [launch.supergraphFile, String(launch.port)],
        env: { NODE_ENV: 'production' },
        cpus: launch.cpus,
        ready: async () => graphqlAnswers(`http://127.0.0.1:${launch.port}/`),
      }),
  },
  hive: {
    id: 'hive',
    label: 'Hive Gateway',
    describe: () => '@graphql-hive/gateway 2.15 CLI, defaults (JS query planner), one process',
    start: (launch) =>
      startProcess({
        name: 'Hive Gateway',
        script: hiveBin(),
        args: ['supergraph', launch.supergraphFile, '--host', '127.0.0.1', '--port', String(launch.port)],
        env: { NODE_ENV: 'production' },
        cpus: launch.cpus,
        ready: ready(launch.port),
      }),
  },
  'hive-router': {
    id: 'hive-router',
    label: 'Hive Gateway + Rust planner',
    describe: () => '@graphql-hive/gateway 2.15 CLI with --hive-router-runtime (@graphql-hive/router-runtime 1.4, Rust query planner), one process',
    start: (launch) =>
      startProcess({
        name: 'Hive Gateway (router runtime)',
        script: hiveBin(),
        args: ['supergraph', launch.supergraphFile, '--host', '127.0.0.1', '--port', String(launch.port), '--hive-router-runtime'],
        env: { NODE_ENV: 'production' },
        cpus: launch.cpus,
        ready: ready(launch.port),
      }),
  },
};

/** Where each gateway serves GraphQL. */
export function endpointOf(id: GatewayId, port: number): string {
  return id === 'apollo' ? `http://127.0.0.1:${port}/` : gatewayUrl(port);
}

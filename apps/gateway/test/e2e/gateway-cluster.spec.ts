import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueSuffix } from '@mestres/testing';
import { post, startBenchmarkMesh, type BenchmarkMesh } from './support/benchmark-mesh';

const ROOT = path.resolve(__dirname, '../../../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Sum of the samples of a Prometheus series over all label sets matching `labels`. */
function sumOf(metrics: string, name: string, labels: RegExp): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && labels.test(line))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('gateway on a Node cluster (main.ts with GATEWAY_WORKERS=2)', () => {
  let mesh: BenchmarkMesh;
  let primary: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    mesh = await startBenchmarkMesh();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/graphql`;
    const suffix = uniqueSuffix();
    primary = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/register-ts.cjs'), path.join(ROOT, 'apps/gateway/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        SUPERGRAPH_PATH: mesh.supergraphFile,
        GATEWAY_WORKERS: '2',
        SHUTDOWN_GRACE_SECONDS: '0',
        REDIS_PREFIX: `test:${suffix}:`,
        NATS_PREFIX: `t${suffix}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 600; i++) {
      if (primary.exitCode !== null) throw new Error(`gateway exited while starting:\n${output}`);
      const up = await post(url, { query: '{ __typename }' }).catch(() => undefined);
      if (up?.status === 200 && childrenOf(primary.pid!).length === 2) return;
      await sleep(100);
    }
    throw new Error(`gateway did not start:\n${output}`);
  }, 90_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      primary.kill('SIGKILL');
      await once(primary, 'exit');
    }
    await mesh?.close();
  });

  it('runs two workers behind one port', async () => {
    expect(childrenOf(primary.pid!)).toHaveLength(2);
    const results = await Promise.all(Array.from({ length: 20 }, () => post(url, { query: 'query Cluster { topProducts { name } }' })));
    expect(results.every((result) => result.status === 200 && !result.body.errors)).toBe(true);
  });

  it('reports every worker in /metrics, whichever worker answers the scrape', async () => {
    for (let scrape = 0; scrape < 4; scrape++) {
      const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
      expect(sumOf(metrics, 'mestres_graphql_operations_total', /operation="Cluster"/)).toBe(20);
    }
  });

  it('drains the workers and exits 0 on SIGTERM', async () => {
    const workers = childrenOf(primary.pid!);
    primary.kill('SIGTERM');
    const [code] = await once(primary, 'exit');
    expect(code).toBe(0);
    expect(workers.every((pid) => !childrenOf(1).includes(pid) && !isAlive(pid))).toBe(true);
  }, 30_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

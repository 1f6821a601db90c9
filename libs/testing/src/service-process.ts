import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcess {
  baseUrl: string;
  graphqlUrl: string;
  /** What the service printed, for failure messages. */
  output(): string;
  /** SIGTERM, then wait for the graceful shutdown (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nest-cli.json'))) dir = path.dirname(dir);
  return dir;
}

/**
 * Runs a service from its build (`dist/apps/<app>/src/main.js`) as its own process, the way
 * production does, and waits for `/health/ready`. Needed when a test runs two code-first
 * subgraphs: @nestjs/graphql keeps type metadata per process, so two subgraphs that both
 * declare `Product` cannot share one.
 */
export async function startServiceProcess(app: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const root = repositoryRoot();
  const main = path.join(root, 'dist/apps', app, 'src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm test does)`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_GRACE_SECONDS: '0', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited during startup:\n${output.slice(-3000)}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} not ready after ${timeoutMs} ms:\n${output.slice(-3000)}`);
    }
    await sleep(200);
  }
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    output: () => output,
    async stop(stopTimeoutMs = 15_000) {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killed = sleep(stopTimeoutMs, 'timeout', { ref: false });
      if ((await Promise.race([exited.then(() => 'exited'), killed])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

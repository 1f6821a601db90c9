import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');
const REGISTER = path.join(REPOSITORY_ROOT, 'scripts/register-ts.cjs');

/** A child process the benchmark started and will stop. */
export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  /** The last lines it printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** A .ts file (run through the SWC require hook) or a .js file. */
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** Pin to these CPUs with taskset (e.g. "0" or "0,1"), when taskset exists. */
  cpus?: string;
  /** Resolves when the process is ready to serve. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

let tasksetAvailable: boolean | undefined;

export function hasTaskset(): boolean {
  tasksetAvailable ??= spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0;
  return tasksetAvailable;
}

/** Starts a Node process (with Node 24, the running binary) and waits until it is ready. */
export async function startProcess(options: StartOptions): Promise<BenchProcess> {
  const nodeArgs = options.script.endsWith('.ts') ? ['-r', REGISTER, options.script] : [options.script];
  const argv = [process.execPath, ...nodeArgs, ...(options.args ?? [])];
  const [command, ...args] = options.cpus && hasTaskset() ? ['taskset', '-c', options.cpus, ...argv] : argv;
  const child = spawn(command, args, {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const handle: BenchProcess = { name: options.name, pid: child.pid!, output: () => tail, stop: () => stop(child) };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${options.name} exited while starting:\n${tail}`);
    if (await options.ready().catch(() => false)) return handle;
    await sleep(200);
  }
  await handle.stop();
  throw new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${tail}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(20_000, true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** True when a POST of `{ __typename }` to a GraphQL endpoint answers 200. */
export async function graphqlAnswers(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(2_000),
  });
  await response.arrayBuffer();
  return response.status === 200;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './service-process';

/** A private nats-server with JetStream that a test can stop and start again. */
export interface TestNatsServer {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** JetStream store directory; it survives `stop()` so streams survive a restart. */
  readonly storeDir: string;
  /** Stops the server gracefully (as in an outage); the store is kept. */
  stop(): Promise<void>;
  /** Starts the server again on the same port with the same JetStream store. */
  start(): Promise<void>;
  /** Stops the server and deletes its store; call it when the test is done. */
  dispose(): Promise<void>;
}

export interface StartNatsServerOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
}

const READY_LINE = 'Server is ready';
const READY_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 5_000;

// Servers still running when the test process exits are killed and their stores removed,
// so an aborted run leaves no nats-server behind.
const live = new Set<{ child?: ChildProcess; storeDir: string }>();
process.on('exit', () => {
  for (const server of live) {
    server.child?.kill('SIGKILL');
    rmSync(server.storeDir, { recursive: true, force: true });
  }
});

function findNatsServer(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error('nats-server not found on PATH or in /usr/sbin (Debian: apt-get install nats-server)');
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Spawns nats-server and resolves once it logs that it accepts connections. */
async function launch(binary: string, port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes(READY_LINE)) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`nats-server exited while starting (${signal ?? `code ${code}`}):\n${output}`)),
    );
  });
  const timeout = sleep(READY_TIMEOUT_MS, undefined, { ref: false }).then(() => {
    throw new Error(`nats-server did not get ready on port ${port} within ${READY_TIMEOUT_MS} ms:\n${output}`);
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    if (!hasExited(child)) child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_GRACE_MS, true, { ref: false })]);
  if (timedOut && !hasExited(child)) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts a nats-server with JetStream on 127.0.0.1, storing streams in a fresh temporary
 * directory. For tests that need to take NATS down and bring it back (outbox delivery,
 * reconnects); everything else uses the shared server from NATS_URL.
 */
export async function startNatsServer(options: StartNatsServerOptions = {}): Promise<TestNatsServer> {
  const binary = findNatsServer();
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'mestres-nats-'));
  const state: { child?: ChildProcess; storeDir: string } = { storeDir };
  live.add(state);

  let port = options.port ?? (await freePort());
  try {
    state.child = await launch(binary, port, storeDir);
  } catch (error) {
    // Another process may have taken the free port in the meantime: one more try.
    if (options.port !== undefined) throw error;
    port = await freePort();
    state.child = await launch(binary, port, storeDir);
  }

  const stop = async () => {
    if (state.child) await terminate(state.child);
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    stop,
    async start() {
      if (state.child && !hasExited(state.child)) return;
      state.child = await launch(binary, port, storeDir);
    },
    async dispose() {
      await stop();
      live.delete(state);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface JobsProcess {
  child: ChildProcess;
  /** SIGKILL: no graceful shutdown at all. */
  kill(): Promise<void>;
}

/** Starts a jobs instance in a child process with `env` and resolves once it serves. */
export async function spawnJobsProcess(env: Record<string, string>): Promise<JobsProcess> {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, '../../../../scripts/register-ts.cjs'), path.join(__dirname, 'jobs-process.ts')], {
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jobs process not ready after 60 s: ${stderr}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jobs process exited with ${code}: ${stderr}`));
    });
  });
  return {
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

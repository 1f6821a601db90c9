// Helpers to find, install, run and stop the local redis-server / nats-server processes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, openSync, closeSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** An error whose message is the whole story: scripts print it without a stack trace. */
export class InfraError extends Error {
  name = 'InfraError';
}

// Debian installs daemons into sbin directories, which are not on every user's PATH.
const EXTRA_BIN_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/local/bin', '/opt/homebrew/bin'];

/** Absolute path of an executable on PATH (or a usual sbin directory), or undefined. */
export function findBinary(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here, keep looking
    }
  }
  return undefined;
}

function isDebianLike() {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    return /^ID(_LIKE)?="?[^\n]*\b(debian|ubuntu)\b/m.test(osRelease);
  } catch {
    return false;
  }
}

async function run(command, args) {
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new InfraError(`\`${command} ${args.join(' ')}\` failed with exit code ${code}`);
}

/**
 * Returns the paths of the given binaries (named like their Debian packages), installing
 * missing ones with apt-get when that is possible without asking anyone (Debian + root).
 */
export async function ensureBinaries(names, log) {
  const missing = names.filter((name) => !findBinary(name));
  if (missing.length > 0) {
    const isRoot = process.getuid?.() === 0;
    if (isDebianLike() && isRoot) {
      log(`installing ${missing.join(' and ')} with apt-get (needed once)...`);
      await run('apt-get', ['update', '-q']);
      await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing]);
    } else {
      const command = isDebianLike()
        ? `sudo apt-get install -y ${missing.join(' ')}`
        : process.platform === 'darwin'
          ? `brew install ${missing.map((name) => name.replace('redis-server', 'redis')).join(' ')}`
          : `install ${missing.join(' and ')} with your package manager`;
      throw new InfraError(`${missing.join(' and ')} not found on PATH; install with: ${command}`);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const found = findBinary(name);
      if (!found) throw new InfraError(`${name} is still not on PATH after installing it`);
      return [name, found];
    }),
  );
}

/** Last lines of a log file, indented, for error messages. */
export function logTail(file, lines = 15) {
  try {
    const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
    return tail.map((line) => `    ${line}`).join('\n');
  } catch {
    return '    (no log)';
  }
}

/**
 * Starts a long-running server whose output goes to logFile. Returns a handle to stop it:
 * SIGTERM, then SIGKILL if it has not exited after the grace period.
 */
export function startDaemon({ name, command, args, logFile }) {
  const fd = openSync(logFile, 'a');
  writeSync(fd, `\n--- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = once(child, 'exit').catch(() => {});
  child.on('error', () => {}); // reported through `exited` / hasExited

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    hasExited,
    killNow: () => hasExited() || child.kill('SIGTERM'),
    async stop(graceMs = 10_000) {
      if (hasExited()) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs, true, { ref: false })]);
      if (timedOut && !hasExited()) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Retries `probe` until it succeeds. Fails early when `hasExited()` says the server died,
 * and after `timeoutMs` otherwise; both errors include the end of the server's log.
 */
export async function waitUntilReady({ name, probe, hasExited = () => false, logFile, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (hasExited()) {
      throw new InfraError(`${name} exited while starting; end of ${logFile}:\n${logTail(logFile)}`);
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        `${name} did not answer within ${timeoutMs / 1000}s (${lastError?.message}); end of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    await sleep(200);
  }
}

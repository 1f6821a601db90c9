import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc times (USER_HZ); 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return { ppid: Number(fields[1]), cpuSeconds: (utime + stime) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) used so far by a process and its live descendants (a cluster
 * primary and its workers), from /proc. Sampled before and after a measurement, the
 * difference is the CPU the gateway spent on it, whatever else shares the machine.
 */
export function processTreeCpuSeconds(rootPid: number): number {
  const parentOf = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    parentOf.set(pid, stat.ppid);
    cpu.set(pid, stat.cpuSeconds);
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    for (let ancestor: number | undefined = pid; ancestor !== undefined && ancestor > 0; ancestor = parentOf.get(ancestor)) {
      if (ancestor === rootPid) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}

/** Resident memory (MB) of a process and its live descendants, from /proc. */
export function processTreeRssMb(rootPid: number): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) parentOf.set(pid, stat.ppid);
  }
  let kilobytes = 0;
  for (const pid of parentOf.keys()) {
    let inTree = false;
    for (let ancestor: number | undefined = pid; ancestor !== undefined && ancestor > 0; ancestor = parentOf.get(ancestor)) {
      if (ancestor === rootPid) {
        inTree = true;
        break;
      }
    }
    if (!inTree) continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kilobytes += match ? Number(match[1]) : 0;
    } catch {
      // exited meanwhile
    }
  }
  return kilobytes / 1024;
}

/** True when /proc is readable (Linux): CPU figures are reported only then. */
export function canMeasureCpu(): boolean {
  return readStat(process.pid) !== undefined;
}

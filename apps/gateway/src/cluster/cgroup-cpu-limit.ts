import { readFileSync } from 'node:fs';

/**
 * CPUs this container may use according to its cgroup v2 quota (`cpu.max`, e.g.
 * `150000 100000` = 1.5), or undefined without a quota. Node's `availableParallelism()`
 * reports the node's CPUs, so a pod limited to one CPU on a 16-core node would otherwise
 * start 16 workers that fight over one.
 */
export function cgroupCpuLimit(read: (file: string) => string = (file) => readFileSync(file, 'utf8')): number | undefined {
  try {
    const [quota, period] = read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/);
    const limit = Number(quota) / Number(period);
    return quota === 'max' || !Number.isFinite(limit) || limit <= 0 ? undefined : limit;
  } catch {
    return undefined;
  }
}

import { cgroupCpuLimit } from './cgroup-cpu-limit';

describe(cgroupCpuLimit.name, () => {
  it('divides the quota by the period', () => {
    expect(cgroupCpuLimit(() => '150000 100000\n')).toBe(1.5);
  });

  it('reports no limit for an unlimited quota or a missing file', () => {
    expect(cgroupCpuLimit(() => 'max 100000\n')).toBeUndefined();
    expect(
      cgroupCpuLimit(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });
});

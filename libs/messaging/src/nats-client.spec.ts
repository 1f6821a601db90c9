import { versionAtLeast } from './nats-client';

describe('versionAtLeast', () => {
  it('compares numeric server versions', () => {
    expect(versionAtLeast('2.10.22', '2.10.0')).toBe(true);
    expect(versionAtLeast('2.9.10', '2.10.0')).toBe(false);
    expect(versionAtLeast('2.11.0-beta.1', '2.10.0')).toBe(true);
    expect(versionAtLeast('3.0.0', '2.10.0')).toBe(true);
  });
});

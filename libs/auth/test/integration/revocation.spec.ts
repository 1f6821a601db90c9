import { Redis } from 'ioredis';
import { uniqueSuffix } from '@mestres/testing';
import { isAccessTokenRevoked, markSessionsRevoked, raiseMinimumTokenVersion, revocationKeys } from '@mestres/auth';

describe(isAccessTokenRevoked.name, () => {
  const prefix = `test:auth:${uniqueSuffix()}:`;
  // Writer (users service) and reader (gateway) are separate clients sharing the key prefix.
  const writer = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
  const reader = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
  const claims = (sid: string, ver = 1) => ({ sub: `user-${sid}`, sid, ver });

  afterAll(async () => {
    const keys = await writer.keys(`${prefix}*`);
    if (keys.length) await writer.del(...keys.map((key) => key.slice(prefix.length)));
    writer.disconnect();
    reader.disconnect();
  });

  it('sees a revoked session through another client with the same prefix', async () => {
    expect(await isAccessTokenRevoked(reader, claims('s1'))).toBe(false);
    await markSessionsRevoked(writer, ['s1', 's2'], 60);
    expect(await isAccessTokenRevoked(reader, claims('s1'))).toBe(true);
    expect(await isAccessTokenRevoked(reader, claims('s2'))).toBe(true);
    expect(await isAccessTokenRevoked(reader, claims('s3'))).toBe(false);
  });

  it('expires markers after the given lifetime', async () => {
    await markSessionsRevoked(writer, ['s4'], 60);
    const ttl = await writer.ttl(revocationKeys.session('s4'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('revokes tokens below the minimum version and never lowers the minimum', async () => {
    await raiseMinimumTokenVersion(writer, 'user-s5', 3, 60);
    expect(await isAccessTokenRevoked(reader, claims('s5', 2))).toBe(true);
    expect(await isAccessTokenRevoked(reader, claims('s5', 3))).toBe(false);
    await raiseMinimumTokenVersion(writer, 'user-s5', 2, 60);
    expect(await isAccessTokenRevoked(reader, claims('s5', 2))).toBe(true);
  });
});

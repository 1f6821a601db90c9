import { Role } from '@mestres/auth';
import { createTestDatabase, testAdminUrl, type TestDatabase } from '@mestres/testing';
import { usersDatabase } from '../../src/database';
import { PasswordHasher } from '../../src/shared/password-hasher';
import { DEMO_PASSWORD, seedUsers } from '../../src/seed/seed-users';

describe(seedUsers.name, () => {
  let db: TestDatabase;
  const env = () => ({
    NODE_ENV: 'development',
    DATABASE_URL: testAdminUrl(),
    DATABASE_SCHEMA: db.schema,
    PASSWORD_HASH_MEMORY_KIB: '19456',
    PASSWORD_HASH_TIME_COST: '2',
  });

  beforeAll(async () => {
    db = await createTestDatabase(usersDatabase());
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates one demo account per role with the documented password, and is idempotent', async () => {
    const first = await seedUsers({ env: env() });
    expect(first.map((user) => [user.email, user.roles, user.created])).toEqual([
      ['admin@mestres.cafe', [Role.ADMIN], true],
      ['instrutor@mestres.cafe', [Role.INSTRUCTOR], true],
      ['cliente@mestres.cafe', [Role.CUSTOMER], true],
    ]);
    const again = await seedUsers({ env: env() });
    expect(again.map((user) => [user.id, user.created])).toEqual(first.map((user) => [user.id, false]));

    const rows: Array<{ password_hash: string }> = await db.sources.primary.query(`SELECT password_hash FROM users ORDER BY email`);
    const hasher = new PasswordHasher({ memoryCost: 19456, timeCost: 2 });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(await hasher.verify(row.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('refuses to run in production', async () => {
    await expect(seedUsers({ env: { ...env(), NODE_ENV: 'production' } })).rejects.toThrow(/production/);
  });
});

import { Role, signClientIp, signIdentity, IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER } from '@mestres/auth';
import { PasswordHasher } from '../../src/shared/password-hasher';
import { aUser, type StoredUser } from '../builders/user.builder';
import { startUsersTestApp, type UsersTestApp } from '../support/users-test-app';

/** A subgraph must refuse identity that the gateway did not sign, even if it looks right. */
describe('Forged identity sent straight to the users subgraph', () => {
  let t: UsersTestApp;
  let admin: StoredUser;
  const ME = `{ me { id email } }`;

  beforeAll(async () => {
    t = await startUsersTestApp();
    admin = await aUser(await t.app.get(PasswordHasher).hash('Irrelevant-Pass-1')).withRoles(Role.ADMIN).insert(t.db.sources.primary);
  });
  afterAll(async () => {
    await t?.close();
  });

  const identity = () => ({ userId: admin.id, roles: [Role.ADMIN] });
  const expectRefused = async (headers: Record<string, string>, query = ME) => {
    const response = await t.graphql(query, {}, headers);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'IDENTITY_INVALID' });
  };

  it('accepts the identity when the gateway signed it', async () => {
    const response = await t.graphql<{ me: { id: string } }>(ME, {}, signIdentity(identity(), t.config.INTERNAL_AUTH_SECRET));
    expect(response.data?.me.id).toBe(admin.id);
  });

  it('refuses an identity signed with the wrong secret', async () => {
    await expectRefused(signIdentity(identity(), 'a-guessed-secret-that-is-long-enough-000'));
  });

  it('refuses an identity with a stale timestamp', async () => {
    await expectRefused(signIdentity(identity(), t.config.INTERNAL_AUTH_SECRET, Date.now() - 61_000));
  });

  it('refuses an identity without a signature', async () => {
    const headers = signIdentity(identity(), t.config.INTERNAL_AUTH_SECRET);
    await expectRefused({ [IDENTITY_HEADER]: headers[IDENTITY_HEADER] });
  });

  it('refuses a signature replayed onto another identity', async () => {
    const mine = signIdentity({ userId: 'someone-else', roles: [Role.CUSTOMER] }, t.config.INTERNAL_AUTH_SECRET);
    const theirs = signIdentity(identity(), t.config.INTERNAL_AUTH_SECRET);
    await expectRefused({ [IDENTITY_HEADER]: theirs[IDENTITY_HEADER], [IDENTITY_SIGNATURE_HEADER]: mine[IDENTITY_SIGNATURE_HEADER] });
  });

  it('refuses forged identity on public operations and on private entity fields too', async () => {
    const forged = signIdentity(identity(), 'a-guessed-secret-that-is-long-enough-000');
    await expectRefused(forged, `mutation { register(input: { email: "x@example.com", password: "Torra-Clara-2026", name: "X" }) { user { id } } }`);
    const entities = await t.graphql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { email } } }`,
      { reps: [{ __typename: 'User', id: admin.id }] },
      forged,
    );
    expect(entities.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a client IP header the gateway did not sign', async () => {
    const forgedIp = signClientIp('203.0.113.50', 'a-guessed-secret-that-is-long-enough-000');
    const response = await t.graphql(`mutation { login(input: { email: "a@example.com", password: "Whatever-123" }) { accessToken } }`, {}, forgedIp);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'IDENTITY_INVALID' });
  });
});

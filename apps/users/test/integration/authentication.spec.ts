import { AuthError, AuthErrorCode, DEV_ACCESS_TOKEN_KEY_ID, devAccessTokenVerificationKeys, isAccessTokenRevoked, verifyAccessToken } from '@mestres/auth';
import { aRegistration } from '../builders/registration.builder';
import { CHANGE_PASSWORD, LOGIN, LOGOUT, ME, REFRESH, REGISTER, type AuthPayloadShape } from '../support/operations';
import { startUsersTestApp, type GraphqlResponse, type UsersTestApp } from '../support/users-test-app';

describe('Authentication (users subgraph)', () => {
  let t: UsersTestApp;

  beforeAll(async () => {
    t = await startUsersTestApp({ LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_FAILURE_WINDOW_SECONDS: '600' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = async (input = aRegistration().build()) => {
    const response = await t.graphql<{ register: AuthPayloadShape }>(REGISTER, { input });
    expect(response.errors).toBeUndefined();
    return { input, payload: response.data!.register };
  };
  const login = (email: string, password: string, ip = '198.51.100.7') =>
    t.graphql<{ login: AuthPayloadShape }>(LOGIN, { input: { email, password } }, t.identityHeaders(null, ip));
  const refresh = (token: string) => t.graphql<{ refreshSession: AuthPayloadShape }>(REFRESH, { token });
  const firstError = (response: GraphqlResponse<unknown>) => response.errors?.[0];
  const claimsOf = (accessToken: string) =>
    verifyAccessToken(accessToken, devAccessTokenVerificationKeys(), { issuer: t.config.JWT_ISSUER, audience: t.config.JWT_AUDIENCE });

  describe('register', () => {
    it('creates a customer, normalises the email and returns a signed access token with a kid', async () => {
      const { payload } = await register(aRegistration().withEmail('  Joana.Silva@Example.COM ').build());
      expect(payload.user.email).toBe('joana.silva@example.com');
      expect(payload.user.roles).toEqual(['CUSTOMER']);
      const claims = await claimsOf(payload.accessToken);
      expect(claims).toMatchObject({ sub: payload.user.id, roles: ['CUSTOMER'], kid: DEV_ACCESS_TOKEN_KEY_ID });
      expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('rejects an email already registered in another letter case with CONFLICT', async () => {
      const { input } = await register();
      const again = await t.graphql(REGISTER, { input: { ...input, email: input.email.toUpperCase() } });
      expect(firstError(again)?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    });

    it('rejects a weak password with a message naming the field', async () => {
      const email = 'pedro.alves@example.com';
      for (const password of ['short1A', 'onlylowercaseletters', 'pedro.alves-2026X']) {
        const response = await t.graphql(REGISTER, { input: { email, password, name: 'Pedro' } });
        expect(firstError(response)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
        expect(firstError(response)?.message).toMatch(/^input\.password /);
      }
    });

    it('announces the new user through the outbox, in the same transaction', async () => {
      const { payload } = await register();
      const rows: Array<{ subject: string; envelope: { payload: unknown } }> = await t.db.sources.primary.query(
        `SELECT subject, envelope FROM outbox WHERE envelope->'payload'->>'userId' = $1`,
        [payload.user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].subject).toBe('users.user.registered.v1');
      expect(rows[0].envelope.payload).toEqual({ userId: payload.user.id, email: payload.user.email, name: payload.user.name });
    });

    it('stores an argon2id hash and never the password', async () => {
      const { input, payload } = await register();
      const [row]: Array<{ password_hash: string }> = await t.db.sources.primary.query(`SELECT password_hash FROM users WHERE id = $1`, [payload.user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(input.password);
    });
  });

  describe('login', () => {
    it('signs in with any letter case of the email', async () => {
      const { input, payload } = await register();
      const response = await login(input.email.toUpperCase(), input.password);
      expect(response.data?.login.user.id).toBe(payload.user.id);
    });

    it('answers the same error for an unknown email and for a wrong password', async () => {
      const { input } = await register();
      const unknown = await login(`nobody-${Date.now()}@example.com`, input.password, '198.51.100.20');
      const wrong = await login(input.email, 'Wrong-Password-123', '198.51.100.21');
      expect(firstError(unknown)).toEqual(firstError(wrong));
      expect(firstError(wrong)).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } });
    });

    it('throttles an email after repeated failures, from any IP, with retryAfterSeconds', async () => {
      const { input } = await register();
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
        expect(firstError(await login(input.email, 'Wrong-Password-123', ip))?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      // Even the right password is refused while the email is throttled.
      const blocked = await login(input.email, input.password, '192.0.2.4');
      expect(firstError(blocked)?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS' });
      const retryAfter = firstError(blocked)?.extensions?.retryAfterSeconds ?? 0;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
    });

    it('throttles unknown emails exactly like known ones', async () => {
      const email = `ghost-${Date.now()}@example.com`;
      for (let i = 0; i < 3; i++) await login(email, 'Wrong-Password-123', `192.0.2.${10 + i}`);
      expect(firstError(await login(email, 'Wrong-Password-123', '192.0.2.20'))?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('throttles an IP that fails across many emails, without locking those emails elsewhere', async () => {
      const ip = '192.0.2.99';
      for (let i = 0; i < 6; i++) await login(`spray-${i}-${Date.now()}@example.com`, 'Wrong-Password-123', ip);
      const { input } = await register();
      const fromSameIp = await login(input.email, input.password, ip);
      expect(firstError(fromSameIp)?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(firstError(fromSameIp)?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      const fromOtherIp = await login(input.email, input.password, '192.0.2.100');
      expect(fromOtherIp.data?.login.user.email).toBe(input.email);
    });

    it('forgives earlier failures of an email after a successful sign-in', async () => {
      const { input } = await register();
      await login(input.email, 'Wrong-Password-123', '192.0.2.30');
      await login(input.email, 'Wrong-Password-123', '192.0.2.31');
      expect((await login(input.email, input.password, '192.0.2.32')).data?.login).toBeTruthy();
      await login(input.email, 'Wrong-Password-123', '192.0.2.33');
      await login(input.email, 'Wrong-Password-123', '192.0.2.34');
      expect((await login(input.email, input.password, '192.0.2.35')).data?.login).toBeTruthy();
    });
  });

  describe('refreshSession', () => {
    it('rotates the refresh token and keeps the session', async () => {
      const { payload } = await register();
      const rotated = await refresh(payload.refreshToken);
      const next = rotated.data!.refreshSession;
      expect(next.refreshToken).not.toBe(payload.refreshToken);
      expect((await claimsOf(next.accessToken)).sid).toBe((await claimsOf(payload.accessToken)).sid);
      expect((await refresh(next.refreshToken)).data?.refreshSession.user.id).toBe(payload.user.id);
    });

    it('revokes the whole family when a rotated token is presented again', async () => {
      const { payload } = await register();
      const second = (await refresh(payload.refreshToken)).data!.refreshSession;

      const reuse = await refresh(payload.refreshToken);
      expect(firstError(reuse)?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });

      // The legitimate-looking newer token of the same family is dead too...
      expect(firstError(await refresh(second.refreshToken))?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
      // ...and so are the family's access tokens, for the gateway, right away.
      expect(await isAccessTokenRevoked(t.redis, await claimsOf(second.accessToken))).toBe(true);
      expect(await isAccessTokenRevoked(t.redis, await claimsOf(payload.accessToken))).toBe(true);
    });

    it('rejects unknown and malformed refresh tokens as UNAUTHENTICATED', async () => {
      for (const token of ['not-a-token', 'A'.repeat(43)]) {
        expect(firstError(await refresh(token))?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
      }
    });
  });

  describe('logout', () => {
    it('revokes the session: its refresh token and access tokens stop working, other sessions do not', async () => {
      const { input, payload } = await register();
      const other = (await login(input.email, input.password)).data!.login;
      const headers = await t.headersForAccessToken(payload.accessToken);

      expect((await t.graphql(LOGOUT, {}, headers)).data).toEqual({ logout: true });

      expect(await isAccessTokenRevoked(t.redis, await claimsOf(payload.accessToken))).toBe(true);
      await expect(t.headersForAccessToken(payload.accessToken)).rejects.toThrow('revoked');
      expect(firstError(await refresh(payload.refreshToken))?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await isAccessTokenRevoked(t.redis, await claimsOf(other.accessToken))).toBe(false);
      expect((await refresh(other.refreshToken)).data?.refreshSession).toBeTruthy();
    });

    it('is UNAUTHENTICATED for an anonymous caller', async () => {
      expect(firstError(await t.graphql(LOGOUT))?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('changePassword', () => {
    it('changes the password and revokes every other session but keeps the current one', async () => {
      const { input, payload } = await register();
      const other = (await login(input.email, input.password)).data!.login;
      const headers = await t.headersForAccessToken(payload.accessToken);
      const newPassword = 'Nova-Senha-Forte-9';

      const response = await t.graphql(CHANGE_PASSWORD, { input: { currentPassword: input.password, newPassword } }, headers);
      expect(response).toEqual({ data: { changePassword: true } });

      expect(await isAccessTokenRevoked(t.redis, await claimsOf(other.accessToken))).toBe(true);
      expect(firstError(await refresh(other.refreshToken))?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await isAccessTokenRevoked(t.redis, await claimsOf(payload.accessToken))).toBe(false);
      expect((await t.graphql(ME, {}, await t.headersForAccessToken(payload.accessToken))).data?.me).toBeTruthy();

      expect(firstError(await login(input.email, input.password))?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await login(input.email, newPassword)).data?.login.user.id).toBe(payload.user.id);
    });

    it('refuses a wrong current password naming the field', async () => {
      const { payload } = await register();
      const headers = await t.headersForAccessToken(payload.accessToken);
      const response = await t.graphql(CHANGE_PASSWORD, { input: { currentPassword: 'Not-The-Password-1', newPassword: 'Nova-Senha-Forte-9' } }, headers);
      expect(firstError(response)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
    });
  });

  it('types access token failures for the gateway', async () => {
    await expect(claimsOf('not.a.jwt')).rejects.toEqual(new AuthError(AuthErrorCode.ACCESS_TOKEN_MALFORMED));
  });
});

import { devAccessTokenVerificationKeys, isAccessTokenRevoked, Role, verifyAccessToken } from '@mestres/auth';
import { PasswordHasher } from '../../src/shared/password-hasher';
import { UsersRepository } from '../../src/users/users.repository';
import { aRegistration } from '../builders/registration.builder';
import { aUser, type StoredUser } from '../builders/user.builder';
import { REFRESH, REGISTER, type AuthPayloadShape } from '../support/operations';
import { startUsersTestApp, type UsersTestApp } from '../support/users-test-app';

describe('Users (users subgraph)', () => {
  let t: UsersTestApp;
  let admin: StoredUser;
  let adminHeaders: Record<string, string>;
  let passwordHash: string;

  beforeAll(async () => {
    t = await startUsersTestApp();
    passwordHash = await t.app.get(PasswordHasher).hash('Irrelevant-Pass-1');
    admin = await aUser(passwordHash).withRoles(Role.ADMIN).withName('Ana Admin').insert(t.db.sources.primary);
    adminHeaders = t.identityHeaders({ userId: admin.id, roles: [Role.ADMIN] });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('federation', () => {
    it('declares User as an entity keyed by id', async () => {
      const response = await t.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
      expect(response.data?._service.sdl).toMatch(/type User @key\(fields: "id"\)/);
    });

    it('resolves a batch of references with one query, null for unknown ids', async () => {
      const db = t.db.sources.primary;
      const first = await aUser(passwordHash).withName('Primeira').insert(db);
      const second = await aUser(passwordHash).withName('Segunda').insert(db);
      const findByIds = jest.spyOn(t.app.get(UsersRepository), 'findByIds');
      const response = await t.graphql<{ _entities: Array<{ id: string; name: string } | null> }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id name } } }`,
        {
          reps: [
            { __typename: 'User', id: second.id },
            { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
            { __typename: 'User', id: 'not-a-uuid' },
            { __typename: 'User', id: first.id },
          ],
        },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?._entities).toEqual([{ id: second.id, name: 'Segunda' }, null, null, { id: first.id, name: 'Primeira' }]);
      expect(findByIds).toHaveBeenCalledTimes(1);
      findByIds.mockRestore();
    });
  });

  describe('users (admin)', () => {
    const USERS = `query($search: String, $first: Int, $after: String) {
      users(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id email } } }
    }`;
    type Page = { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; email: string } }> } };

    it('pages through users newest first and searches name or email case-insensitively', async () => {
      const tag = `cafezal${Date.now()}`;
      const db = t.db.sources.primary;
      const created = [];
      for (let i = 0; i < 5; i++) created.push(await aUser(passwordHash).withEmail(`${tag}-${i}@example.com`).insert(db));

      const seen: string[] = [];
      let after: string | null = null;
      do {
        const response: { data?: Page | null } = await t.graphql<Page>(USERS, { search: tag.toUpperCase(), first: 2, after }, adminHeaders);
        expect(response.data?.users.totalCount).toBe(5);
        seen.push(...response.data!.users.edges.map((edge) => edge.node.email));
        after = response.data!.users.pageInfo.hasNextPage ? response.data!.users.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(created.map((user) => user.email).reverse());
    });

    it('treats LIKE wildcards in the search literally', async () => {
      const response = await t.graphql<Page>(USERS, { search: '%' }, adminHeaders);
      expect(response.data?.users.totalCount).toBe(0);
    });

    it('rejects a bad page size or cursor as BAD_USER_INPUT naming the argument', async () => {
      const big = await t.graphql(USERS, { first: 1000 }, adminHeaders);
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const cursor = await t.graphql(USERS, { after: 'bm9wZQ' }, adminHeaders);
      expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('setUserRoles', () => {
    const SET_ROLES = `mutation($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { id roles } }`;

    it('replaces the roles, revokes access tokens issued before, and the next refresh carries the new roles', async () => {
      const registered = await t.graphql<{ register: AuthPayloadShape }>(REGISTER, { input: aRegistration().build() });
      const { user, accessToken, refreshToken } = registered.data!.register;
      const verify = (token: string) =>
        verifyAccessToken(token, devAccessTokenVerificationKeys(), { issuer: t.config.JWT_ISSUER, audience: t.config.JWT_AUDIENCE });

      const response = await t.graphql(SET_ROLES, { id: user.id, roles: ['INSTRUCTOR', 'CUSTOMER', 'INSTRUCTOR'] }, adminHeaders);
      expect(response.data).toEqual({ setUserRoles: { id: user.id, roles: ['INSTRUCTOR', 'CUSTOMER'] } });
      expect(await isAccessTokenRevoked(t.redis, await verify(accessToken))).toBe(true);

      const refreshed = await t.graphql<{ refreshSession: AuthPayloadShape }>(REFRESH, { token: refreshToken });
      const claims = await verify(refreshed.data!.refreshSession.accessToken);
      expect(claims.roles).toEqual(['INSTRUCTOR', 'CUSTOMER']);
      expect(await isAccessTokenRevoked(t.redis, claims)).toBe(false);
    });

    it('answers NOT_FOUND for unknown users and BAD_USER_INPUT for an empty role set', async () => {
      const unknown = await t.graphql(SET_ROLES, { id: '00000000-0000-4000-8000-000000000000', roles: ['CUSTOMER'] }, adminHeaders);
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const malformed = await t.graphql(SET_ROLES, { id: 'nope', roles: ['CUSTOMER'] }, adminHeaders);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
      const empty = await t.graphql(SET_ROLES, { id: admin.id, roles: [] }, adminHeaders);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
    });

    it('does not let an admin remove their own ADMIN role', async () => {
      const response = await t.graphql(SET_ROLES, { id: admin.id, roles: ['CUSTOMER'] }, adminHeaders);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CANNOT_REMOVE_OWN_ADMIN_ROLE' });
    });
  });

  describe('updateProfile', () => {
    const UPDATE = `mutation($name: String) { updateProfile(input: { name: $name }) { id name } }`;

    it('trims the name and rejects an empty one naming the field', async () => {
      const user = await aUser(passwordHash).insert(t.db.sources.primary);
      const headers = t.identityHeaders({ userId: user.id, roles: [Role.CUSTOMER] });
      expect((await t.graphql(UPDATE, { name: '  Beatriz   Costa ' }, headers)).data).toEqual({ updateProfile: { id: user.id, name: 'Beatriz Costa' } });
      const empty = await t.graphql(UPDATE, { name: '   ' }, headers);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    });
  });
});

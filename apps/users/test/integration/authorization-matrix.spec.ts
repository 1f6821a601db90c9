/**
 * AUTHORIZATION MATRIX of the users subgraph: every mutation and every private field, called
 * as each kind of caller, with the expected outcome per cell. Operations run over HTTP against
 * the real subgraph with gateway-signed identity headers, exactly as in production.
 *
 * To add a row: give it a name (`Type.field`), an operation built from the fixture (use
 * `prepare` for per-cell data such as a fresh address), and one expected outcome per actor.
 * Other subgraphs copy this file and keep the same actors and outcome vocabulary.
 */
import { randomUUID } from 'node:crypto';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Role, type CallerIdentity } from '@mestres/auth';
import { uniqueSuffix } from '@mestres/testing';
import { PasswordHasher } from '../../src/shared/password-hasher';
import { anAddress } from '../builders/address.builder';
import { aUser, type StoredUser } from '../builders/user.builder';
import { startUsersTestApp, type GraphqlResponse, type UsersTestApp } from '../support/users-test-app';

const ACTORS = ['anonymous', 'customer', 'instructor', 'admin', 'anotherCustomer'] as const;
type Actor = (typeof ACTORS)[number];

/** `ok`: data and no error. Otherwise the `extensions.code` of the first error. */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Fixture {
  t: UsersTestApp;
  users: Record<Exclude<Actor, 'anonymous'>, StoredUser>;
  password: string;
  passwordHash: string;
}

interface MatrixRow {
  name: string;
  /** Per-cell setup; its result is handed to `operation`. */
  prepare?: (fixture: Fixture, actor: Actor) => Promise<Record<string, unknown>>;
  operation: (fixture: Fixture, prepared: Record<string, unknown>) => { query: string; variables?: Record<string, unknown> };
  expected: Record<Actor, Outcome>;
}

const PUBLIC: Record<Actor, Outcome> = { anonymous: 'ok', customer: 'ok', instructor: 'ok', admin: 'ok', anotherCustomer: 'ok' };
const SIGNED_IN: Record<Actor, Outcome> = { ...PUBLIC, anonymous: 'UNAUTHENTICATED' };
const ADMIN_ONLY: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'FORBIDDEN',
  instructor: 'FORBIDDEN',
  admin: 'ok',
  anotherCustomer: 'FORBIDDEN',
};
/** Private data of the customer: themself and admins. */
const OWNER_OR_ADMIN: Record<Actor, Outcome> = { ...ADMIN_ONLY, customer: 'ok' };
/** The customer's own resource looked up by id: anyone else gets NOT_FOUND, never FORBIDDEN. */
const OWNER_ONLY_BY_ID: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'ok',
  instructor: 'NOT_FOUND',
  admin: 'NOT_FOUND',
  anotherCustomer: 'NOT_FOUND',
};

const customerEntity = (field: string) => (f: Fixture) => ({
  query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id ${field} } } }`,
  variables: { reps: [{ __typename: 'User', id: f.users.customer.id }] },
});

const freshCustomerAddress = async (f: Fixture) => ({ id: await anAddress().insert(f.t.db.sources.primary, f.users.customer.id) });

const ADDRESS_FIELDS = 'id isDefault';

const ROWS: MatrixRow[] = [
  // Public fields and operations (listed so a change of policy shows up here).
  { name: 'User.name (entity)', operation: customerEntity('name'), expected: PUBLIC },
  {
    name: 'Mutation.register',
    operation: () => ({
      query: `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`,
      variables: { input: { email: `matrix-${uniqueSuffix()}@example.com`, password: 'Moagem-Fina-2026', name: 'Nova Pessoa' } },
    }),
    expected: PUBLIC,
  },
  {
    name: 'Mutation.login',
    operation: (f) => ({
      query: `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`,
      variables: { input: { email: f.users.customer.email, password: f.password } },
    }),
    expected: PUBLIC,
  },

  // Private fields of User.
  { name: 'User.email (entity)', operation: customerEntity('email'), expected: OWNER_OR_ADMIN },
  { name: 'User.roles (entity)', operation: customerEntity('roles'), expected: OWNER_OR_ADMIN },
  { name: 'User.createdAt (entity)', operation: customerEntity('createdAt'), expected: OWNER_OR_ADMIN },
  { name: 'User.addresses (entity)', operation: customerEntity(`addresses { ${ADDRESS_FIELDS} }`), expected: OWNER_OR_ADMIN },

  // Queries.
  { name: 'Query.me', operation: () => ({ query: `{ me { id email roles addresses { id } } }` }), expected: SIGNED_IN },
  { name: 'Query.users', operation: () => ({ query: `{ users(first: 5) { totalCount edges { node { id email } } } }` }), expected: ADMIN_ONLY },

  // Mutations on the caller's own account.
  {
    name: 'Mutation.updateProfile',
    operation: () => ({ query: `mutation { updateProfile(input: { name: "Nome Novo" }) { id name } }` }),
    expected: SIGNED_IN,
  },
  {
    name: 'Mutation.changePassword',
    prepare: async (f) => {
      // Every cell starts from the known password.
      await f.t.db.sources.primary.query(`UPDATE users SET password_hash = $1`, [f.passwordHash]);
      return {};
    },
    operation: (f) => ({
      query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      variables: { input: { currentPassword: f.password, newPassword: 'Outra-Senha-Boa-7' } },
    }),
    expected: SIGNED_IN,
  },
  { name: 'Mutation.logout', operation: () => ({ query: `mutation { logout }` }), expected: SIGNED_IN },
  {
    name: 'Mutation.addAddress',
    operation: () => ({
      query: `mutation($input: AddressInput!) { addAddress(input: $input) { ${ADDRESS_FIELDS} } }`,
      variables: { input: anAddress().build() },
    }),
    expected: SIGNED_IN,
  },
  {
    name: 'Mutation.updateAddress (customer address)',
    prepare: freshCustomerAddress,
    operation: (_f, p) => ({
      query: `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${ADDRESS_FIELDS} } }`,
      variables: { id: p.id, input: anAddress().with({ number: '99' }).build() },
    }),
    expected: OWNER_ONLY_BY_ID,
  },
  {
    name: 'Mutation.setDefaultAddress (customer address)',
    prepare: freshCustomerAddress,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { setDefaultAddress(id: $id) { ${ADDRESS_FIELDS} } }`, variables: { id: p.id } }),
    expected: OWNER_ONLY_BY_ID,
  },
  {
    name: 'Mutation.removeAddress (customer address)',
    prepare: freshCustomerAddress,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { removeAddress(id: $id) }`, variables: { id: p.id } }),
    expected: OWNER_ONLY_BY_ID,
  },
  {
    name: 'Mutation.setUserRoles',
    prepare: async (f) => ({ id: (await aUser(f.passwordHash).insert(f.t.db.sources.primary)).id }),
    operation: (_f, p) => ({
      query: `mutation($id: ID!) { setUserRoles(userId: $id, roles: [CUSTOMER, INSTRUCTOR]) { id } }`,
      variables: { id: p.id },
    }),
    expected: ADMIN_ONLY,
  },
];

describe('Authorization matrix (users subgraph)', () => {
  const fixture = {} as Fixture;

  beforeAll(async () => {
    fixture.t = await startUsersTestApp();
    fixture.password = 'Senha-Da-Matriz-1';
    fixture.passwordHash = await fixture.t.app.get(PasswordHasher).hash(fixture.password);
    const db = fixture.t.db.sources.primary;
    const user = (roles: Role[]) => aUser(fixture.passwordHash).withRoles(...roles).insert(db);
    fixture.users = {
      customer: await user([Role.CUSTOMER]),
      instructor: await user([Role.INSTRUCTOR]),
      admin: await user([Role.ADMIN]),
      anotherCustomer: await user([Role.CUSTOMER]),
    };
    await anAddress().insert(db, fixture.users.customer.id, true);
  });

  afterAll(async () => {
    await fixture.t?.close();
  });

  const identityOf = (actor: Actor): CallerIdentity | null =>
    actor === 'anonymous' ? null : { userId: fixture.users[actor].id, roles: fixture.users[actor].roles, sessionId: randomUUID() };

  const outcomeOf = (response: GraphqlResponse): Outcome | string => {
    if (response.errors?.length) return response.errors[0].extensions?.code ?? response.errors[0].message;
    return response.data ? 'ok' : 'no data';
  };

  const cells = ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, expected: row.expected[actor] })));

  it.each(cells.map((cell) => [cell.row.name, cell.actor, cell.expected, cell] as const))(
    '%s as %s: %s',
    async (_name, actor, expected, { row }) => {
      const prepared = (await row.prepare?.(fixture, actor)) ?? {};
      const { query, variables } = row.operation(fixture, prepared);
      const response = await fixture.t.graphql(query, variables, fixture.t.identityHeaders(identityOf(actor)));
      expect(outcomeOf(response)).toBe(expected);
    },
  );

  it('covers every mutation of the schema', async () => {
    const response = await fixture.t.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const mutationType = parse(response.data!._service.sdl).definitions.find(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
    );
    const mutations = mutationType?.fields?.map((field) => field.name.value) ?? [];
    expect(mutations.length).toBeGreaterThan(5);
    const covered = new Set(ROWS.map((row) => /^Mutation\.(\w+)/.exec(row.name)?.[1]).filter(Boolean));
    // refreshSession authorises by the refresh token itself, not by the caller (see authentication.spec).
    expect(mutations.filter((name) => !covered.has(name) && name !== 'refreshSession')).toEqual([]);
  });
});

import { Role } from '@mestres/auth';
import { PasswordHasher } from '../../src/shared/password-hasher';
import { anAddress } from '../builders/address.builder';
import { aUser } from '../builders/user.builder';
import { startUsersTestApp, type UsersTestApp } from '../support/users-test-app';

const FIELDS = 'id recipient street number complement district city state postalCode phone isDefault';
const ADD = `mutation($input: AddressInput!) { addAddress(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!) { removeAddress(id: $id) }`;
const SET_DEFAULT = `mutation($id: ID!) { setDefaultAddress(id: $id) { id isDefault } }`;
const MY_ADDRESSES = `{ me { addresses { id isDefault } } }`;

type Address = { id: string; isDefault: boolean; postalCode: string; phone: string; state: string };

describe('Addresses (users subgraph)', () => {
  let t: UsersTestApp;
  let passwordHash: string;

  beforeAll(async () => {
    t = await startUsersTestApp();
    passwordHash = await t.app.get(PasswordHasher).hash('Irrelevant-Pass-1');
  });
  afterAll(async () => {
    await t?.close();
  });

  const newCustomer = async () => {
    const user = await aUser(passwordHash).insert(t.db.sources.primary);
    return t.identityHeaders({ userId: user.id, roles: [Role.CUSTOMER] });
  };
  const add = async (headers: Record<string, string>, changes = {}) => {
    const response = await t.graphql<{ addAddress: Address }>(ADD, { input: anAddress().with(changes).build() }, headers);
    expect(response.errors).toBeUndefined();
    return response.data!.addAddress;
  };
  const defaults = async (headers: Record<string, string>) => {
    const response = await t.graphql<{ me: { addresses: Address[] } }>(MY_ADDRESSES, {}, headers);
    return response.data!.me.addresses.filter((address) => address.isDefault).map((address) => address.id);
  };

  it('normalises CEP, state and phone, and makes the first address the default', async () => {
    const headers = await newCustomer();
    const address = await add(headers, { postalCode: ' 01310-200 ', state: 'sp', phone: '+55 (11) 98765-4321' });
    expect(address).toMatchObject({ postalCode: '01310200', state: 'SP', phone: '+5511987654321', isDefault: true });
  });

  it('keeps exactly one default when another address becomes the default', async () => {
    const headers = await newCustomer();
    const first = await add(headers);
    const second = await add(headers, { isDefault: true });
    expect(await defaults(headers)).toEqual([second.id]);
    await t.graphql(SET_DEFAULT, { id: first.id }, headers);
    expect(await defaults(headers)).toEqual([first.id]);
  });

  it('promotes the newest remaining address when the default is removed', async () => {
    const headers = await newCustomer();
    const first = await add(headers);
    await add(headers);
    const third = await add(headers);
    expect((await t.graphql(REMOVE, { id: first.id }, headers)).data).toEqual({ removeAddress: first.id });
    expect(await defaults(headers)).toEqual([third.id]);
  });

  it('updates the fields of an address', async () => {
    const headers = await newCustomer();
    const address = await add(headers);
    const response = await t.graphql<{ updateAddress: Address & { number: string; complement: string | null } }>(
      UPDATE,
      { id: address.id, input: anAddress().with({ number: 's/n', complement: '  ' }).build() },
      headers,
    );
    expect(response.data?.updateAddress).toMatchObject({ id: address.id, number: 's/n', complement: null, isDefault: true });
  });

  it.each([
    ['postalCode', { postalCode: '1234-567' }],
    ['postalCode', { postalCode: '00000-000' }],
    ['state', { state: 'XX' }],
    ['phone', { phone: '12345' }],
    ['phone', { phone: '+1 415 555 0100' }],
    ['recipient', { recipient: '   ' }],
  ])('rejects an invalid %s with BAD_USER_INPUT naming the field', async (field, changes) => {
    const headers = await newCustomer();
    const response = await t.graphql(ADD, { input: anAddress().with(changes).build() }, headers);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(response.errors?.[0].message).toMatch(new RegExp(`^input\\.${field} `));
  });

  it("answers NOT_FOUND for another user's address exactly like for an unknown id", async () => {
    const owner = await newCustomer();
    const address = await add(owner);
    const stranger = await newCustomer();
    const theirs = await t.graphql(REMOVE, { id: address.id }, stranger);
    const unknown = await t.graphql(REMOVE, { id: '00000000-0000-4000-8000-000000000000' }, stranger);
    const garbage = await t.graphql(REMOVE, { id: 'not-an-id' }, stranger);
    expect(theirs.errors?.[0]).toMatchObject({ message: 'address not found', extensions: { code: 'NOT_FOUND' } });
    expect(unknown.errors?.[0].message).toBe(theirs.errors?.[0].message);
    expect(garbage.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await defaults(owner)).toEqual([address.id]);
  });

  it('limits an account to 20 addresses', async () => {
    const user = await aUser(passwordHash).insert(t.db.sources.primary);
    for (let i = 0; i < 20; i++) await anAddress().insert(t.db.sources.primary, user.id, i === 0);
    const response = await t.graphql(ADD, { input: anAddress().build() }, t.identityHeaders({ userId: user.id, roles: [Role.CUSTOMER] }));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ADDRESS_LIMIT_REACHED' });
  });
});

/**
 * AUTHORIZATION MATRIX of the orders subgraph: every mutation and every private field, called as
 * each kind of caller, with the expected outcome per cell. Operations run against the real
 * subgraph with gateway-signed identity headers, exactly as in production (the catalog runs too:
 * carts and checkout need it).
 *
 * To add a row: give it a name (`Type.field`), an operation built from the fixture (use `prepare`
 * for per-cell data such as a fresh order), and one expected outcome per actor. Same actors and
 * outcome vocabulary as the users subgraph's matrix.
 */
import { randomUUID } from 'node:crypto';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Role, type CallerIdentity } from '@mestres/auth';
import { uniqueSuffix } from '@mestres/testing';
import { aCheckout } from '../builders/checkout.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type GraphqlResponse, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CARDS, CHECKOUT } from '../support/operations';

const ACTORS = ['anonymous', 'customer', 'instructor', 'admin', 'anotherCustomer'] as const;
type Actor = (typeof ACTORS)[number];

/** `ok`: data and no error. Otherwise the `extensions.code` of the first error. */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Fixture {
  orders: OrdersTestApp;
  catalog: CatalogHarness;
  sku: string;
  users: Record<Exclude<Actor, 'anonymous'>, CallerIdentity>;
}

interface MatrixRow {
  name: string;
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
/** Private data of the customer reached through an object they are known to own (User entity). */
const OWNER_OR_ADMIN: Record<Actor, Outcome> = { ...ADMIN_ONLY, customer: 'ok' };
/** The customer's order looked up by id: everyone else but admins gets NOT_FOUND, never FORBIDDEN. */
const OWNER_OR_ADMIN_BY_ID: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'ok',
  instructor: 'NOT_FOUND',
  admin: 'ok',
  anotherCustomer: 'NOT_FOUND',
};

const identityOf = (fixture: Fixture, actor: Actor): CallerIdentity | null => (actor === 'anonymous' ? null : fixture.users[actor]);

/** A line in the cart the actor will act on (a guest cart for anonymous callers). */
const lineInCart = async (f: Fixture, actor: Actor) => {
  const response = await f.orders.graphql(ADD_TO_CART, { input: { sku: f.sku, quantity: 1 } }, identityOf(f, actor));
  return { cartId: actor === 'anonymous' ? response.data!.addToCart.id : null };
};

/** A fresh PAID order of the customer. */
const paidOrder = async (f: Fixture) => {
  await f.orders.graphql(ADD_TO_CART, { input: { sku: f.sku, quantity: 1 } }, f.users.customer);
  const response = await f.orders.graphql(CHECKOUT, { input: aCheckout().withCard(CARDS.success).build() }, f.users.customer);
  return { orderId: response.data!.checkout.id as string };
};

const shippedOrder = async (f: Fixture) => {
  const { orderId } = await paidOrder(f);
  await f.orders.graphql(`mutation($id: ID!) { markOrderShipped(orderId: $id, trackingCode: "BR55555555") { id } }`, { id: orderId }, f.users.admin);
  return { orderId };
};

const ORDER_FIELDS = 'id status';

const ROWS: MatrixRow[] = [
  // Carts: anyone may shop; anonymous callers work on a guest cart by id.
  { name: 'Query.cart', operation: () => ({ query: `{ cart { id itemCount } }` }), expected: PUBLIC },
  {
    name: 'Mutation.addToCart',
    operation: (f) => ({ query: `mutation($sku: ID!) { addToCart(input: { sku: $sku, quantity: 1 }) { id } }`, variables: { sku: f.sku } }),
    expected: PUBLIC,
  },
  {
    name: 'Mutation.updateCartLine',
    prepare: lineInCart,
    operation: (f, p) => ({
      query: `mutation($cartId: ID, $sku: ID!) { updateCartLine(input: { cartId: $cartId, sku: $sku, quantity: 2 }) { id } }`,
      variables: { cartId: p.cartId, sku: f.sku },
    }),
    expected: PUBLIC,
  },
  {
    name: 'Mutation.removeFromCart',
    prepare: lineInCart,
    operation: (f, p) => ({
      query: `mutation($cartId: ID, $sku: ID!) { removeFromCart(input: { cartId: $cartId, sku: $sku }) { id } }`,
      variables: { cartId: p.cartId, sku: f.sku },
    }),
    expected: PUBLIC,
  },
  {
    name: 'Mutation.mergeGuestCart',
    prepare: (f) => lineInCart(f, 'anonymous'),
    operation: (_f, p) => ({ query: `mutation($id: ID!) { mergeGuestCart(cartId: $id) { id } }`, variables: { id: p.cartId } }),
    expected: SIGNED_IN,
  },

  // Checkout and the customer's own orders.
  {
    name: 'Mutation.checkout',
    prepare: async (f, actor) => (actor === 'anonymous' ? {} : lineInCart(f, actor)),
    operation: () => ({
      query: `mutation($input: CheckoutInput!) { checkout(input: $input) { __typename ... on ErrorResult { code } } }`,
      variables: { input: aCheckout().build() },
    }),
    expected: SIGNED_IN,
  },
  { name: 'Query.myOrders', operation: () => ({ query: `{ myOrders(first: 5) { totalCount edges { node { ${ORDER_FIELDS} } } } }` }), expected: SIGNED_IN },
  {
    name: 'Query.order (customer order)',
    prepare: paidOrder,
    operation: (_f, p) => ({ query: `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} lines { sku } history { to } } }`, variables: { id: p.orderId } }),
    expected: OWNER_OR_ADMIN_BY_ID,
  },
  {
    name: 'User.orders (entity, customer)',
    operation: (f) => ({
      query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id orders(first: 5) { totalCount } } } }`,
      variables: { reps: [{ __typename: 'User', id: f.users.customer.userId }] },
    }),
    expected: OWNER_OR_ADMIN,
  },

  // Back office.
  { name: 'Query.orders', operation: () => ({ query: `{ orders(first: 5) { totalCount edges { node { ${ORDER_FIELDS} } } } }` }), expected: ADMIN_ONLY },
  {
    name: 'Mutation.markOrderFulfilling',
    prepare: paidOrder,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { markOrderFulfilling(orderId: $id) { ${ORDER_FIELDS} } }`, variables: { id: p.orderId } }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.markOrderShipped',
    prepare: paidOrder,
    operation: (_f, p) => ({
      query: `mutation($id: ID!) { markOrderShipped(orderId: $id, trackingCode: "BR12345678") { ${ORDER_FIELDS} } }`,
      variables: { id: p.orderId },
    }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.markOrderDelivered',
    prepare: shippedOrder,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { markOrderDelivered(orderId: $id) { ${ORDER_FIELDS} } }`, variables: { id: p.orderId } }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.cancelOrder',
    prepare: paidOrder,
    operation: (_f, p) => ({
      query: `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "pedido de teste") { ${ORDER_FIELDS} } }`,
      variables: { id: p.orderId },
    }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.refundOrder',
    prepare: paidOrder,
    operation: (_f, p) => ({
      query: `mutation($id: ID!) { refundOrder(orderId: $id, amountCents: 100, reason: "estorno parcial") { ${ORDER_FIELDS} refundedCents } }`,
      variables: { id: p.orderId },
    }),
    expected: ADMIN_ONLY,
  },
];

describe('Authorization matrix (orders subgraph)', () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    fixture.catalog = await startCatalog({ natsPrefix });
    fixture.orders = await startOrdersApp({ natsPrefix });
    [{ sku: fixture.sku }] = await fixture.catalog.skus('COFFEE', 1);
    await fixture.catalog.setStock(fixture.sku, 10_000);
    const user = (roles: Role[]): CallerIdentity => ({ userId: randomUUID(), roles });
    fixture.users = {
      customer: user([Role.CUSTOMER]),
      instructor: user([Role.INSTRUCTOR]),
      admin: user([Role.ADMIN]),
      anotherCustomer: user([Role.CUSTOMER]),
    };
  });

  afterAll(async () => {
    await fixture.orders?.close();
    await fixture.catalog?.close();
    await deleteStreams(natsPrefix);
  });

  const outcomeOf = (response: GraphqlResponse): Outcome | string => {
    if (response.errors?.length) return response.errors[0].extensions?.code ?? response.errors[0].message;
    return response.data ? 'ok' : 'no data';
  };

  const cells = ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, expected: row.expected[actor] })));

  it.each(cells.map((cell) => [cell.row.name, cell.actor, cell.expected, cell] as const))('%s as %s: %s', async (_name, actor, expected, { row }) => {
    const prepared = (await row.prepare?.(fixture, actor)) ?? {};
    const { query, variables } = row.operation(fixture, prepared);
    const response = await fixture.orders.graphql(query, variables, identityOf(fixture, actor));
    expect(outcomeOf(response)).toBe(expected);
  });

  it('covers every mutation of the schema', async () => {
    const response = await fixture.orders.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const mutationType = parse(response.data!._service.sdl).definitions.find(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
    );
    const mutations = mutationType?.fields?.map((field) => field.name.value) ?? [];
    expect(mutations.length).toBeGreaterThan(5);
    const covered = new Set(ROWS.map((row) => /^Mutation\.(\w+)/.exec(row.name)?.[1]).filter(Boolean));
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });
});

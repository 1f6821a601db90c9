import { uniqueSuffix } from '@mestres/testing';
import { CartService } from '../../src/cart/cart.service';
import { aCustomer } from '../builders/customer.builder';
import { startCatalog, type CatalogHarness } from '../support/catalog-harness';
import { deleteStreams } from '@mestres/testing';
import { startOrdersApp, type OrdersTestApp } from '../support/orders-test-app';
import { ADD_TO_CART, CART, MERGE_GUEST_CART, REMOVE_FROM_CART, UPDATE_CART_LINE } from '../support/operations';

describe(CartService.name, () => {
  const natsPrefix = `t${uniqueSuffix()}`;
  let catalog: CatalogHarness;
  let orders: OrdersTestApp;
  let a: { sku: string; priceCents: number };
  let b: { sku: string; priceCents: number };

  beforeAll(async () => {
    catalog = await startCatalog({ natsPrefix });
    orders = await startOrdersApp({ natsPrefix, env: { SHIPPING_FLAT_CENTS: '1990', FREE_SHIPPING_THRESHOLD_CENTS: '30000' } });
    [a, b] = await catalog.skus('COFFEE', 2);
    await catalog.setStock(a.sku, 1_000);
    await catalog.setStock(b.sku, 5);
  });

  afterAll(async () => {
    await orders?.close();
    await catalog?.close();
    await deleteStreams(natsPrefix);
  });

  const guestAdd = async (input: Record<string, unknown>) => (await orders.graphql(ADD_TO_CART, { input })).data!.addToCart;

  it('starts a guest cart for an anonymous shopper and keeps adding to it by id', async () => {
    const created = await guestAdd({ sku: a.sku, quantity: 1 });
    const again = await guestAdd({ cartId: created.id, sku: a.sku, quantity: 2 });
    expect(again).toMatchObject({ id: created.id, itemCount: 3, subtotalCents: a.priceCents * 3, currency: 'BRL' });
    expect(again.lines).toEqual([expect.objectContaining({ sku: a.sku, quantity: 3, unitPriceCents: a.priceCents, available: true, priceChanged: false })]);
    expect((await orders.graphql(CART, { cartId: created.id })).data!.cart.id).toBe(created.id);
    expect((await orders.graphql(CART, { cartId: '5a0e4b59-1bb4-4a5b-9b44-8f3f2d3c7a11' })).data!.cart).toBeNull();
  });

  it('never exposes a signed-in customer\'s cart by its id', async () => {
    const customer = aCustomer();
    const cart = (await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, quantity: 1 } }, customer)).data!.addToCart;
    expect((await orders.graphql(CART, { cartId: cart.id })).data!.cart).toBeNull();
    const tampering = await orders.graphql(ADD_TO_CART, { input: { cartId: cart.id, sku: a.sku, quantity: 1 } });
    expect(tampering.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'cartId' });
  });

  it('merges the guest cart into the customer\'s cart at login, adding quantities, and is safe to repeat', async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, quantity: 1 } }, customer);
    const guest = await guestAdd({ sku: a.sku, quantity: 2 });
    await guestAdd({ cartId: guest.id, sku: b.sku, quantity: 1 });

    const merged = (await orders.graphql(MERGE_GUEST_CART, { cartId: guest.id }, customer)).data!.mergeGuestCart;
    expect(merged.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity])).toEqual([
      [a.sku, 3],
      [b.sku, 1],
    ]);
    expect((await orders.graphql(CART, { cartId: guest.id })).data!.cart).toBeNull();
    const repeated = (await orders.graphql(MERGE_GUEST_CART, { cartId: guest.id }, customer)).data!.mergeGuestCart;
    expect(repeated.itemCount).toBe(4);
  });

  it('charges flat shipping below the threshold and none from it on', async () => {
    const customer = aCustomer();
    const small = (await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, quantity: 1 } }, customer)).data!.addToCart;
    expect(small).toMatchObject({ shippingCents: 1990, totalCents: a.priceCents + 1990, freeShippingFromCents: 30000 });
    const units = Math.ceil(30000 / a.priceCents);
    const large = (await orders.graphql(UPDATE_CART_LINE, { input: { sku: a.sku, quantity: units } }, customer)).data!.updateCartLine;
    expect(large).toMatchObject({ shippingCents: 0, totalCents: a.priceCents * units });
  });

  it('updates and removes lines, 0 meaning remove', async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, quantity: 2 } }, customer);
    await orders.graphql(ADD_TO_CART, { input: { sku: b.sku, quantity: 1 } }, customer);
    const updated = (await orders.graphql(UPDATE_CART_LINE, { input: { sku: a.sku, quantity: 0 } }, customer)).data!.updateCartLine;
    expect(updated.lines.map((line: { sku: string }) => line.sku)).toEqual([b.sku]);
    const removed = (await orders.graphql(REMOVE_FROM_CART, { input: { sku: b.sku } }, customer)).data!.removeFromCart;
    expect(removed).toMatchObject({ itemCount: 0, lines: [], subtotalCents: 0, shippingCents: 0 });
  });

  it.each([
    ['a malformed SKU', { sku: "X'; DROP TABLE carts;--", quantity: 1 }, 'BAD_USER_INPUT', 'INVALID_SKU', 'sku'],
    ['a SKU not on sale', { sku: 'NAO-EXISTE-1', quantity: 1 }, 'BAD_USER_INPUT', 'NOT_FOR_SALE', 'sku'],
    ['a quantity of 0', { quantity: 0 }, 'BAD_USER_INPUT', 'INVALID_QUANTITY', 'quantity'],
    ['more than 99 units', { quantity: 100 }, 'BAD_USER_INPUT', 'INVALID_QUANTITY', 'quantity'],
  ])('rejects %s naming the field', async (_name, input, code, reason, field) => {
    const response = await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, ...input } }, aCustomer());
    expect(response.errors?.[0].extensions).toMatchObject({ code, reason, field });
  });

  it('rejects more units than the catalog has, saying how many are available', async () => {
    const response = await orders.graphql(ADD_TO_CART, { input: { sku: b.sku, quantity: 6 } }, aCustomer());
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ENOUGH_STOCK', field: 'quantity', available: 5 });
  });

  it('asks anonymous callers which cart to change', async () => {
    const response = await orders.graphql(UPDATE_CART_LINE, { input: { sku: a.sku, quantity: 1 } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CART_ID_REQUIRED', field: 'cartId' });
  });

  it('flags a price that changed since the cart was last shown, once', async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku: b.sku, quantity: 1 } }, customer);
    await catalog.setPrice(b.sku, b.priceCents + 250);
    try {
      const changed = (await orders.graphql(CART, {}, customer)).data!.cart;
      expect(changed.lines[0]).toMatchObject({ unitPriceCents: b.priceCents + 250, priceChanged: true });
      const seen = (await orders.graphql(CART, {}, customer)).data!.cart;
      expect(seen.lines[0]).toMatchObject({ priceChanged: false });
    } finally {
      await catalog.setPrice(b.sku, b.priceCents);
    }
  });

  it("announces changes to a signed-in customer's cart (abandoned-cart reminders), never a guest's", async () => {
    const customer = aCustomer();
    await orders.graphql(ADD_TO_CART, { input: { sku: a.sku, quantity: 2 } }, customer);
    await orders.graphql(REMOVE_FROM_CART, { input: { sku: a.sku } }, customer);
    const guest = await guestAdd({ sku: a.sku, quantity: 1 });
    const events = await orders.sql(`SELECT envelope->'payload' AS payload FROM outbox WHERE subject = 'orders.cart.updated.v1' AND envelope->'payload'->>'userId' = $1 ORDER BY id`, [
      customer.userId,
    ]);
    expect(events.map((event) => event.payload)).toEqual([
      expect.objectContaining({ userId: customer.userId, itemCount: 2, lines: [{ sku: a.sku, quantity: 2 }] }),
      expect.objectContaining({ userId: customer.userId, itemCount: 0, lines: [] }),
    ]);
    expect(await orders.sql(`SELECT 1 FROM outbox WHERE subject = 'orders.cart.updated.v1' AND envelope->'payload'->>'cartId' = $1`, [guest.id])).toHaveLength(0);
  });
});

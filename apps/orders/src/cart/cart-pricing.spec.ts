import type { VariantSnapshotV1 } from '@mestres/contracts';
import { priceCart, shippingFor, type ShippingRule } from './cart-pricing';

const rule: ShippingRule = { flatCents: 2_500, freeFromCents: 20_000 };

const variant = (sku: string, priceCents: number, overrides: Partial<VariantSnapshotV1> = {}): VariantSnapshotV1 => ({
  sku,
  productId: `p-${sku}`,
  name: 'Catuaí Amarelo',
  variantName: '250 g · Grão',
  kind: 'COFFEE',
  priceCents,
  currency: 'BRL',
  available: 10,
  ...overrides,
});

describe('priceCart', () => {
  it('adds line totals in cents and charges flat shipping below the threshold', () => {
    const priced = priceCart(
      [
        { sku: 'A', quantity: 2, seenUnitPriceCents: 4_990 },
        { sku: 'B', quantity: 1, seenUnitPriceCents: 3_590 },
      ],
      new Map([
        ['A', variant('A', 4_990)],
        ['B', variant('B', 3_590)],
      ]),
      rule,
    );
    expect(priced).toMatchObject({ itemCount: 3, subtotalCents: 13_570, shippingCents: 2_500, totalCents: 16_070 });
    expect(priced.lines.map((line) => line.lineTotalCents)).toEqual([9_980, 3_590]);
  });

  it('ships for free from the threshold on', () => {
    const priced = priceCart([{ sku: 'A', quantity: 4, seenUnitPriceCents: 5_000 }], new Map([['A', variant('A', 5_000)]]), rule);
    expect(priced).toMatchObject({ subtotalCents: 20_000, shippingCents: 0, totalCents: 20_000 });
  });

  it('charges no shipping for a cart of course seats only', () => {
    const priced = priceCart([{ sku: 'S', quantity: 1, seenUnitPriceCents: 9_000 }], new Map([['S', variant('S', 9_000, { kind: 'COURSE_SEAT' })]]), rule);
    expect(priced.shippingCents).toBe(0);
  });

  it('keeps lines no longer on sale out of the totals and marks them unavailable', () => {
    const priced = priceCart(
      [
        { sku: 'A', quantity: 1, seenUnitPriceCents: 1_000 },
        { sku: 'GONE', quantity: 3, seenUnitPriceCents: 2_000 },
      ],
      new Map([['A', variant('A', 1_000)]]),
      rule,
    );
    expect(priced).toMatchObject({ itemCount: 1, subtotalCents: 1_000 });
    expect(priced.lines[1]).toMatchObject({ available: false, unitPriceCents: null, lineTotalCents: null, availableQuantity: 0 });
  });

  it('flags a price that moved since the customer saw it, and short stock', () => {
    const priced = priceCart([{ sku: 'A', quantity: 5, seenUnitPriceCents: 1_000 }], new Map([['A', variant('A', 1_200, { available: 4 })]]), rule);
    expect(priced.lines[0]).toMatchObject({ priceChanged: true, available: false, availableQuantity: 4 });
  });
});

describe('shippingFor', () => {
  it('never makes shipping free when the threshold is 0', () => {
    expect(shippingFor(1_000_000, true, { flatCents: 1_500, freeFromCents: 0 })).toBe(1_500);
  });
});

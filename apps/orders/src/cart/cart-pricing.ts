import type { VariantSnapshotV1 } from '@mestres/contracts';

/** The configurable shipping rule: a flat fee on physical goods, free from a subtotal up. */
export interface ShippingRule {
  flatCents: number;
  /** 0: shipping is never free. */
  freeFromCents: number;
}

export interface CartLineInput {
  sku: string;
  quantity: number;
  /** The unit price the customer was last shown, null when never priced. */
  seenUnitPriceCents: number | null;
}

export interface PricedCartLine extends CartLineInput {
  /** Null when the SKU is no longer on sale. */
  variant: VariantSnapshotV1 | null;
  unitPriceCents: number | null;
  lineTotalCents: number | null;
  availableQuantity: number;
  /** On sale with enough units for the quantity. */
  available: boolean;
  /** The price moved since the customer saw it; checkout will ask them to confirm. */
  priceChanged: boolean;
}

export interface PricedCart {
  lines: PricedCartLine[];
  itemCount: number;
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
}

/** Course seats are not shipped; a cart of only seats pays no shipping. */
const isPhysical = (variant: VariantSnapshotV1) => variant.kind !== 'COURSE_SEAT';

export function shippingFor(subtotalCents: number, hasPhysicalGoods: boolean, rule: ShippingRule): number {
  if (!hasPhysicalGoods) return 0;
  if (rule.freeFromCents > 0 && subtotalCents >= rule.freeFromCents) return 0;
  return rule.flatCents;
}

/**
 * Prices cart lines with current catalog data. Lines no longer on sale stay in the cart (so the
 * customer sees what happened) but count towards nothing. All arithmetic is on integer cents.
 */
export function priceCart(lines: readonly CartLineInput[], variants: ReadonlyMap<string, VariantSnapshotV1>, rule: ShippingRule): PricedCart {
  const priced = lines.map((line): PricedCartLine => {
    const variant = variants.get(line.sku) ?? null;
    const unitPriceCents = variant?.priceCents ?? null;
    return {
      ...line,
      variant,
      unitPriceCents,
      lineTotalCents: unitPriceCents === null ? null : unitPriceCents * line.quantity,
      availableQuantity: variant?.available ?? 0,
      available: variant !== null && variant.available >= line.quantity,
      priceChanged: variant !== null && line.seenUnitPriceCents !== null && line.seenUnitPriceCents !== variant.priceCents,
    };
  });
  const onSale = priced.filter((line) => line.variant !== null);
  const subtotalCents = onSale.reduce((sum, line) => sum + line.lineTotalCents!, 0);
  const shippingCents = shippingFor(subtotalCents, onSale.some((line) => isPhysical(line.variant!)), rule);
  return {
    lines: priced,
    itemCount: onSale.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents,
    shippingCents,
    totalCents: subtotalCents + shippingCents,
  };
}

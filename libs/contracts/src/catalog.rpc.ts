import { z } from 'zod';
import { ProductKind } from './catalog.events';

export const ReserveStockRequestV1 = z
  .object({
    orderId: z.string().min(1),
    lines: z
      .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }))
      .min(1),
  })
  .meta({ title: 'ReserveStockRequestV1', description: 'Hold stock for the lines of an order.' });
export type ReserveStockRequestV1 = z.infer<typeof ReserveStockRequestV1>;

export const ReserveStockResponseV1 = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), reservationId: z.string().min(1) }),
    z.object({
      ok: z.literal(false),
      reason: z.literal('INSUFFICIENT_STOCK'),
      shortages: z.array(
        z.object({
          sku: z.string().min(1),
          requested: z.number().int().positive(),
          available: z.number().int().nonnegative(),
        }),
      ),
    }),
  ])
  .meta({
    title: 'ReserveStockResponseV1',
    description: 'Either every line was reserved, or nothing was and the shortages are listed.',
  });
export type ReserveStockResponseV1 = z.infer<typeof ReserveStockResponseV1>;

export const OrderStockRequestV1 = z
  .object({ orderId: z.string().min(1) })
  .meta({ title: 'OrderStockRequestV1', description: 'Identifies the reservation by its order.' });
export type OrderStockRequestV1 = z.infer<typeof OrderStockRequestV1>;

export const StockAcknowledgedV1 = z
  .object({ ok: z.literal(true) })
  .meta({ title: 'StockAcknowledgedV1', description: 'The reservation was committed or released (idempotent).' });
export type StockAcknowledgedV1 = z.infer<typeof StockAcknowledgedV1>;

export const GetVariantsRequestV1 = z
  .object({ skus: z.array(z.string().min(1)).min(1).max(100) })
  .meta({ title: 'GetVariantsRequestV1', description: 'Current price and availability of up to 100 SKUs.' });
export type GetVariantsRequestV1 = z.infer<typeof GetVariantsRequestV1>;

export const VariantSnapshotV1 = z.object({
  sku: z.string().min(1),
  productId: z.string().min(1),
  name: z.string().min(1).describe('Product name, in Portuguese'),
  variantName: z.string().min(1).describe('Variant label, e.g. "250 g · Grão"'),
  kind: ProductKind,
  priceCents: z.number().int().nonnegative().describe('Current unit price in cents'),
  currency: z.literal('BRL'),
  available: z.number().int().nonnegative().describe('Units that can be reserved now (on hand minus reserved)'),
});
export type VariantSnapshotV1 = z.infer<typeof VariantSnapshotV1>;

export const GetVariantsResponseV1 = z
  .array(VariantSnapshotV1)
  .meta({
    title: 'GetVariantsResponseV1',
    description: 'One entry per requested SKU that is on sale (product ACTIVE); unknown, draft and archived SKUs are left out.',
  });
export type GetVariantsResponseV1 = z.infer<typeof GetVariantsResponseV1>;

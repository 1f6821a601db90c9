import { z } from 'zod';

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

import { registerEnumType } from '@nestjs/graphql';

export enum StockAdjustmentReason {
  RECEIVED = 'RECEIVED',
  RECOUNT = 'RECOUNT',
  DAMAGED = 'DAMAGED',
  RETURNED = 'RETURNED',
  CORRECTION = 'CORRECTION',
}

registerEnumType(StockAdjustmentReason, {
  name: 'StockAdjustmentReason',
  description: 'Why an admin changed the units on hand; kept in the stock ledger.',
  valuesMap: {
    RECEIVED: { description: 'A delivery arrived (roasting batch, supplier shipment).' },
    RECOUNT: { description: 'A physical count differed from the system.' },
    DAMAGED: { description: 'Units were damaged, expired or lost.' },
    RETURNED: { description: 'A customer returned units to stock.' },
    CORRECTION: { description: 'Fixing an earlier mistake.' },
  },
});

import type { VariantSnapshotV1 } from '@mestres/contracts';
import { OrderStatus } from '../orders/order-status.enum';

export const DEMO_CUSTOMER_EMAIL = 'cliente@mestres.cafe';

type DemoLine = Pick<VariantSnapshotV1, 'sku' | 'productId' | 'kind' | 'name' | 'variantName' | 'priceCents'> & { quantity: number };

export interface DemoOrder {
  /** Stable idempotency key of the seeded order: a second seed run finds it and skips. */
  key: string;
  /** Statuses the order went through after PENDING_PAYMENT, in order. */
  path: OrderStatus[];
  trackingCode?: string;
  lines: DemoLine[];
}

/**
 * Two orders of the demo customer, with product snapshots of the demo catalog (order lines are
 * snapshots, so they stay valid whatever the catalog shows today).
 */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    key: 'seed:demo-order-delivered',
    path: [OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED, OrderStatus.DELIVERED],
    trackingCode: 'BR123456789BR',
    lines: [
      {
        sku: 'CAF-FAZENDA-SERRA-DO-CRUZEIR-4526-250-GRAO',
        productId: 'aee4a37d-e8b9-51ba-8c7e-8adfecf732c4',
        kind: 'COFFEE',
        name: 'Fazenda Serra do Cruzeiro Bourbon Amarelo Natural',
        variantName: '250 g · grão',
        priceCents: 6390,
        quantity: 2,
      },
      {
        sku: 'CAF-FAZENDA-SERRA-DO-CRUZEIR-4201-250-COADO',
        productId: 'a93a7553-74c6-59ac-9d98-c3711d671b3b',
        kind: 'COFFEE',
        name: 'Fazenda Serra do Cruzeiro Catuaí Amarelo Cereja Descascado',
        variantName: '250 g · moído para coado',
        priceCents: 7590,
        quantity: 1,
      },
    ],
  },
  {
    key: 'seed:demo-order-paid',
    path: [OrderStatus.PAID],
    lines: [
      {
        sku: 'EQP-MOEDOR-MANUAL-COMANDANTE-18D9-PRETO',
        productId: 'b2d4ee82-e106-50c9-b467-c07358df9634',
        kind: 'EQUIPMENT',
        name: 'Moedor Manual Comandante C40 MK4',
        variantName: 'Cor: preto',
        priceCents: 189000,
        quantity: 1,
      },
    ],
  },
];

import type { z } from 'zod';
import type { EventProducer } from './event-catalog';
import {
  GetVariantsRequestV1,
  GetVariantsResponseV1,
  OrderStockRequestV1,
  ReserveStockRequestV1,
  ReserveStockResponseV1,
  StockAcknowledgedV1,
} from './catalog.rpc';
import { EnsureOrderPartitionsRequestV1, EnsureOrderPartitionsResponseV1 } from './orders.rpc';

/** One versioned request/reply operation and the service that answers it. */
export interface RpcDefinition<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  request: Request;
  response: Response;
  description: string;
  version: number;
  responder: EventProducer;
}

/**
 * Every request/reply operation, keyed by `<context>.<aggregate>.<action>.v<N>`. On the wire
 * the subject gets an `rpc.` prefix, so requests never land in an event stream.
 */
export const RPC_CATALOG = {
  'catalog.stock.reserve.v1': {
    request: ReserveStockRequestV1,
    response: ReserveStockResponseV1,
    version: 1,
    responder: 'catalog',
    description:
      'Reserves stock for every line of an order, all or nothing. Idempotent per orderId: a repeated request returns the same reservation.',
  },
  'catalog.stock.commit.v1': {
    request: OrderStockRequestV1,
    response: StockAcknowledgedV1,
    version: 1,
    responder: 'catalog',
    description: 'Turns the reservation of a paid order into a stock decrement. Idempotent.',
  },
  'catalog.stock.release.v1': {
    request: OrderStockRequestV1,
    response: StockAcknowledgedV1,
    version: 1,
    responder: 'catalog',
    description: 'Gives the reserved units of a cancelled or failed order back. Idempotent.',
  },
  'catalog.variants.get.v1': {
    request: GetVariantsRequestV1,
    response: GetVariantsResponseV1,
    version: 1,
    responder: 'catalog',
    description: 'Current price, product facts and available units of SKUs on sale; orders prices carts and checkouts with it.',
  },
  'orders.maintenance.ensure-partitions.v1': {
    request: EnsureOrderPartitionsRequestV1,
    response: EnsureOrderPartitionsResponseV1,
    version: 1,
    responder: 'orders',
    description: 'Creates the monthly partitions of the order tables ahead of time (scheduled nightly by jobs). Idempotent.',
  },
} as const satisfies Record<string, RpcDefinition>;

export type RpcCatalog = typeof RPC_CATALOG;
export type RpcSubject = keyof RpcCatalog;
export type RpcRequest<S extends RpcSubject> = z.infer<RpcCatalog[S]['request']>;
export type RpcResponse<S extends RpcSubject> = z.infer<RpcCatalog[S]['response']>;

/** Type guard for subjects read off the wire. */
export function isRpcSubject(subject: string): subject is RpcSubject {
  return Object.hasOwn(RPC_CATALOG, subject);
}

export function rpcDefinitions(): Array<[RpcSubject, RpcDefinition]> {
  return Object.entries(RPC_CATALOG) as Array<[RpcSubject, RpcDefinition]>;
}

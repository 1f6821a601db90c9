import { Injectable, Logger } from '@nestjs/common';
import type { ReserveStockResponseV1, VariantSnapshotV1 } from '@mestres/contracts';
import { RpcClient, RpcError, RpcErrorCode, RpcRemoteError } from '@mestres/messaging';
import { InjectOrdersConfig } from './orders-config.token';
import type { OrdersConfig } from '../config';

/** The catalog did not answer (down, slow, or NATS unreachable) or failed internally: try again later. */
export class CatalogUnavailableError extends Error {
  override readonly name = 'CatalogUnavailableError';
}

/** The catalog answered with a domain error (e.g. `RESERVATION_ALREADY_COMMITTED`): retrying will not help. */
export class CatalogRejectedError extends Error {
  override readonly name = 'CatalogRejectedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TRANSPORT_CODES = new Set<string>(Object.values(RpcErrorCode));

export interface StockLine {
  sku: string;
  quantity: number;
}

/** Largest SKU batch the catalog accepts per request (see catalog.variants.get.v1). */
const MAX_SKUS_PER_REQUEST = 100;

/**
 * The orders service's view of the catalog over NATS request/reply: current prices and product
 * facts, and the stock reservation of an order. Every call has a timeout; failures become
 * {@link CatalogUnavailableError} (retry later) or {@link CatalogRejectedError} (a domain answer). Reserve, commit and release are
 * idempotent per order id on the catalog side, so retrying them is always safe.
 */
@Injectable()
export class CatalogClient {
  private readonly logger = new Logger(CatalogClient.name);

  constructor(
    private readonly rpc: RpcClient,
    @InjectOrdersConfig() private readonly config: OrdersConfig,
  ) {}

  /** Variants on sale among `skus`, by SKU; SKUs missing from the map are not for sale. */
  async variants(skus: readonly string[]): Promise<Map<string, VariantSnapshotV1>> {
    const unique = [...new Set(skus)];
    const found = new Map<string, VariantSnapshotV1>();
    for (let start = 0; start < unique.length; start += MAX_SKUS_PER_REQUEST) {
      const batch = unique.slice(start, start + MAX_SKUS_PER_REQUEST);
      const variants = await this.call(() => this.rpc.request('catalog.variants.get.v1', { skus: batch }, this.timeout));
      for (const variant of variants) found.set(variant.sku, variant);
    }
    return found;
  }

  reserve(orderId: string, lines: readonly StockLine[]): Promise<ReserveStockResponseV1> {
    return this.call(() => this.rpc.request('catalog.stock.reserve.v1', { orderId, lines: [...lines] }, this.timeout));
  }

  async commit(orderId: string): Promise<void> {
    await this.call(() => this.rpc.request('catalog.stock.commit.v1', { orderId }, this.timeout));
  }

  async release(orderId: string): Promise<void> {
    await this.call(() => this.rpc.request('catalog.stock.release.v1', { orderId }, this.timeout));
  }

  private get timeout() {
    return { timeoutMs: this.config.CATALOG_RPC_TIMEOUT_MS };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof RpcRemoteError && !TRANSPORT_CODES.has(error.code)) throw new CatalogRejectedError(error.code, error.message);
      if (error instanceof RpcError) {
        this.logger.warn(error.message);
        throw new CatalogUnavailableError(error.message, { cause: error });
      }
      throw error;
    }
  }
}

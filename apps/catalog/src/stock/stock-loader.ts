import { requestLoader } from '@mestres/graphql';
import type { StockLevelView, StockService } from './stock.service';

/**
 * Stock changes with every order, yet pages showing it are cached as long as the product
 * itself: the gateway drops a cached response as soon as the catalog announces a change of a
 * SKU or product it shows (catalog.stock.changed.v1). Events cannot reach a listing filtered
 * by `inStock` that a product re-enters (it is not on the cached page yet), so such listings
 * carry this shorter max-age. Checkout re-checks stock: a stale "in stock" costs a clear
 * error, never an oversell.
 */
export const STOCK_FILTER_CACHE_HINT = { maxAge: 30, scope: 'PUBLIC' as const };

/** Per-request loader of stock levels: every SKU shown on a page is read in one statement. */
export function stockLoader(context: object, stock: StockService) {
  return requestLoader<string, StockLevelView | null>(context, 'catalog.stockBySku', async (skus) => {
    const levels = new Map((await stock.levels(skus)).map((level) => [level.sku, level]));
    return skus.map((sku) => levels.get(sku) ?? null);
  });
}

import { requestLoader } from '@mestres/graphql';
import type { StockLevelView, StockService } from './stock.service';

/** Stock changes with every order, so responses that show it are cached briefly. */
export const STOCK_CACHE_HINT = { maxAge: 5, scope: 'PUBLIC' as const };

/** Per-request loader of stock levels: every SKU shown on a page is read in one statement. */
export function stockLoader(context: object, stock: StockService) {
  return requestLoader<string, StockLevelView | null>(context, 'catalog.stockBySku', async (skus) => {
    const levels = new Map((await stock.levels(skus)).map((level) => [level.sku, level]));
    return skus.map((sku) => levels.get(sku) ?? null);
  });
}

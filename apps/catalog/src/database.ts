import type { ServiceDatabaseDefinition } from '@mestres/database';
import { messagingMigrations } from '@mestres/messaging';
import { CategoryEntity } from './categories/category.entity';
import { CreateCatalog1764460800000 } from './migrations/1764460800000-CreateCatalog';
import { CreateStock1764460800001 } from './migrations/1764460800001-CreateStock';
import { AddCatalogReadIndexes1764460800002 } from './migrations/1764460800002-AddCatalogReadIndexes';
import { CreateSearchWords1764460800003 } from './migrations/1764460800003-CreateSearchWords';
import { ProductVariantEntity } from './products/product-variant.entity';
import { ProductEntity } from './products/product.entity';
import { StockLevelEntity } from './stock/stock-level.entity';
import { StockMovementEntity } from './stock/stock-movement.entity';
import { StockReservationLineEntity } from './stock/stock-reservation-line.entity';
import { StockReservationEntity } from './stock/stock-reservation.entity';

/** The catalog's schema: entities, migrations in order, and the extensions they need. */
export function catalogDatabase(schema = 'catalog'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [
      CategoryEntity,
      ProductEntity,
      ProductVariantEntity,
      StockLevelEntity,
      StockReservationEntity,
      StockReservationLineEntity,
      StockMovementEntity,
    ],
    migrations: [
      ...messagingMigrations,
      CreateCatalog1764460800000,
      CreateStock1764460800001,
      AddCatalogReadIndexes1764460800002,
      CreateSearchWords1764460800003,
    ],
    extensions: ['pg_trgm', 'unaccent'],
  };
}

import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { SubgraphModule } from '@mestres/graphql';
import { ServicePlatformModule } from '@mestres/service';
import { CategoriesModule } from './categories/categories.module';
import type { CatalogConfig } from './config';
import { catalogDatabase } from './database';
import { ProductsModule } from './products/products.module';
import { SearchModule } from './search/search.module';
import { CatalogSettings } from './shared/catalog-settings';
import { CatalogSharedModule } from './shared/catalog-shared.module';
import { StockModule } from './stock/stock.module';

/** The catalog subgraph: products, categories, search and stock. */
@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'catalog',
          config,
          database: catalogDatabase,
          // Catalog cache keys stay apart from other services' keys under the shared prefix.
          redisKeyPrefix: `${config.REDIS_PREFIX}catalog:`,
          messaging: {},
        }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        CatalogSharedModule.forRoot(CatalogSettings.fromConfig(config)),
        CategoriesModule,
        ProductsModule,
        SearchModule,
        StockModule,
      ],
    };
  }
}

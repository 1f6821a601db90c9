import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { RedisModule, RedisReadinessCheck } from '@mestres/cache';
import { DatabaseModule, DatabaseReadinessCheck, databaseSettingsFromConfig } from '@mestres/database';
import { SubgraphModule } from '@mestres/graphql';
import { HealthModule, provideReadinessCheck } from '@mestres/health';
import { MessagingModule, NatsReadinessCheck } from '@mestres/messaging';
import { ObservabilityModule } from '@mestres/observability';
import { CategoriesModule } from './categories/categories.module';
import type { CatalogConfig } from './config';
import { catalogDatabase } from './database';
import { ProductsModule } from './products/products.module';
import { SearchModule } from './search/search.module';
import { CatalogSettings } from './shared/catalog-settings';
import { CatalogSharedModule } from './shared/catalog-shared.module';
import { MetricsBindingsModule } from './shared/metrics-bindings.module';
import { StockModule } from './stock/stock.module';

/** The catalog subgraph: products, categories, search and stock. */
@Module({})
export class AppModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'catalog' }),
        HealthModule.forRoot(),
        MetricsBindingsModule,
        DatabaseModule.forRoot(catalogDatabase(config.DATABASE_SCHEMA), databaseSettingsFromConfig('catalog', config)),
        RedisModule.forRoot({ url: config.REDIS_URL, keyPrefix: `${config.REDIS_PREFIX}catalog:`, connectionName: 'catalog' }),
        MessagingModule.forRoot({
          service: 'catalog',
          servers: config.NATS_URL,
          prefix: config.NATS_PREFIX || undefined,
        }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        CatalogSharedModule.forRoot(CatalogSettings.fromConfig(config)),
        CategoriesModule,
        ProductsModule,
        SearchModule,
        StockModule,
      ],
      providers: [
        provideReadinessCheck({ name: 'postgres', inject: [DatabaseReadinessCheck], useFactory: (db: DatabaseReadinessCheck) => () => db.check() }),
        provideReadinessCheck({ name: 'redis', inject: [RedisReadinessCheck], useFactory: (redis: RedisReadinessCheck) => () => redis.check() }),
        provideReadinessCheck({ name: 'nats', inject: [NatsReadinessCheck], useFactory: (nats: NatsReadinessCheck) => () => nats.check() }),
      ],
    };
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { CacheModule } from '@mestres/cache';
import { CatalogCache } from './catalog-cache';
import { CatalogSettings } from './catalog-settings';

/** The catalog's settings and cache, shared by its feature modules. */
@Global()
@Module({})
export class CatalogSharedModule {
  static forRoot(settings: CatalogSettings): DynamicModule {
    return {
      module: CatalogSharedModule,
      imports: [CacheModule.forRoot({ name: 'catalog', defaultTtlSeconds: settings.listCacheTtlSeconds })],
      providers: [{ provide: CatalogSettings, useValue: settings }, CatalogCache],
      exports: [CatalogSettings, CatalogCache],
    };
  }
}

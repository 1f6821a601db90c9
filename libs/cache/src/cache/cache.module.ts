import { DynamicModule, Module } from '@nestjs/common';
import { CACHE_MODULE_OPTIONS, type CacheModuleOptions } from './cache-module-options';
import { CacheService } from './cache.service';

/**
 * Provides a {@link CacheService} to the importing module. Not global: a feature imports its
 * own `CacheModule.forRoot({ name: 'products', defaultTtlSeconds: 60 })`, so each cache has its
 * own TTLs, label and stats. Needs `RedisModule.forRoot` in the app; reports outcomes to
 * `CACHE_METRICS` when a global module provides it.
 */
@Module({})
export class CacheModule {
  static forRoot(options: CacheModuleOptions): DynamicModule {
    return {
      module: CacheModule,
      providers: [{ provide: CACHE_MODULE_OPTIONS, useValue: options }, CacheService],
      exports: [CacheService],
    };
  }
}

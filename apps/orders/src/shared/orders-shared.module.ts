import { DynamicModule, Global, Module } from '@nestjs/common';
import type { OrdersConfig } from '../config';
import { CatalogClient } from './catalog-client';
import { Clock } from './clock';
import { ORDERS_CONFIG } from './orders-config.token';

/** Config and adapters (clock, catalog) every orders feature shares. */
@Global()
@Module({})
export class OrdersSharedModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: OrdersSharedModule,
      providers: [{ provide: ORDERS_CONFIG, useValue: config }, Clock, CatalogClient],
      exports: [ORDERS_CONFIG, Clock, CatalogClient],
    };
  }
}

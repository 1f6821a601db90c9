import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { SubgraphModule } from '@mestres/graphql';
import { ServicePlatformModule } from '@mestres/service';
import { CartModule } from './cart/cart.module';
import { CheckoutModule } from './checkout/checkout.module';
import type { OrdersConfig } from './config';
import { ordersDatabase } from './database';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentWebhooksModule } from './payments/payment-webhooks.module';
import { OrdersSharedModule } from './shared/orders-shared.module';
import { ProductVariantReference } from './shared/product-variant.reference';
import { UserReference } from './shared/user.reference';
import { TasksModule } from './tasks/tasks.module';

/** The orders subgraph: carts, checkout, payments and the order lifecycle. */
@Module({})
export class AppModule {
  static forRoot(config: OrdersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'orders', config, database: ordersDatabase, messaging: {} }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE, orphanedTypes: [ProductVariantReference, UserReference] }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        OrdersSharedModule.forRoot(config),
        CartModule,
        OrdersModule,
        CheckoutModule,
        PaymentWebhooksModule,
        TasksModule,
        MaintenanceModule,
      ],
    };
  }
}

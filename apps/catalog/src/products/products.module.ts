import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { StockModule } from '../stock/stock.module';
import { ProductAdminResolver } from './product-admin.resolver';
import { ProductAdminService } from './product-admin.service';
import { ProductRequestHandlers } from './product-requests.handlers';
import { ProductVariantResolver } from './product-variant.resolver';
import { ProductsRepository } from './products.repository';
import { ProductsResolver } from './products.resolver';
import { ProductsService } from './products.service';

@Module({
  imports: [CategoriesModule, StockModule],
  providers: [
    ProductsRepository,
    ProductsService,
    ProductAdminService,
    ProductsResolver,
    ProductVariantResolver,
    ProductAdminResolver,
    ProductRequestHandlers,
  ],
  exports: [ProductsService, ProductsRepository],
})
export class ProductsModule {}

import { Module } from '@nestjs/common';
import { StockRequestHandlers } from './stock.handlers';
import { StockRepository } from './stock.repository';
import { StockResolver } from './stock.resolver';
import { StockService } from './stock.service';

@Module({
  providers: [StockRepository, StockService, StockResolver, StockRequestHandlers],
  exports: [StockService],
})
export class StockModule {}

import { Module } from '@nestjs/common';
import { CartRepository } from './cart.repository';
import { CartResolver } from './cart.resolver';
import { CartService } from './cart.service';

@Module({ providers: [CartRepository, CartService, CartResolver], exports: [CartRepository, CartService] })
export class CartModule {}

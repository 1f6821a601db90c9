import { Module } from '@nestjs/common';
import { AddressesLoader } from './addresses.loader';
import { AddressesRepository } from './addresses.repository';
import { AddressesResolver } from './addresses.resolver';
import { AddressesService } from './addresses.service';

@Module({
  providers: [AddressesRepository, AddressesService, AddressesResolver, AddressesLoader],
  exports: [AddressesLoader],
})
export class AddressesModule {}

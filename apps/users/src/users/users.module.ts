import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { UserFieldsResolver } from './user-fields.resolver';
import { UserLoader } from './user.loader';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [AddressesModule],
  providers: [UsersRepository, UsersService, UserLoader, UsersResolver, UserFieldsResolver],
  exports: [UsersRepository],
})
export class UsersModule {}

import type { ServiceDatabaseDefinition } from '@mestres/database';
import { messagingMigrations } from '@mestres/messaging';
import { AddressEntity } from './addresses/address.entity';
import { RefreshTokenEntity } from './authentication/refresh-token.entity';
import { SessionEntity } from './authentication/session.entity';
import { CreateUsers1767312000000 } from './migrations/1767312000000-CreateUsers';
import { UserEntity } from './users/user.entity';

/** The users service's schema: accounts, login sessions, addresses, and the messaging outbox. */
export function usersDatabase(schema = 'users'): ServiceDatabaseDefinition {
  return {
    schema,
    entities: [UserEntity, SessionEntity, RefreshTokenEntity, AddressEntity],
    migrations: [...messagingMigrations, CreateUsers1767312000000],
    extensions: ['pg_trgm'],
  };
}

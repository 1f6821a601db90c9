import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { RedisModule, RedisReadinessCheck } from '@mestres/cache';
import { DatabaseModule, DatabaseReadinessCheck, databaseSettingsFromConfig } from '@mestres/database';
import { SubgraphModule } from '@mestres/graphql';
import { HealthModule, provideReadinessCheck } from '@mestres/health';
import { MessagingModule, NatsReadinessCheck } from '@mestres/messaging';
import { ObservabilityModule } from '@mestres/observability';
import { AddressesModule } from './addresses/addresses.module';
import { AuthenticationModule } from './authentication/authentication.module';
import type { UsersConfig } from './config';
import { usersDatabase } from './database';
import { UsersSharedModule } from './shared/users-shared.module';
import { UsersModule } from './users/users.module';

/** The users subgraph: accounts, sign-in sessions, addresses. */
@Module({})
export class AppModule {
  static forRoot(config: UsersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'users' }),
        HealthModule.forRoot(),
        DatabaseModule.forRoot(usersDatabase(config.DATABASE_SCHEMA), databaseSettingsFromConfig('users', config)),
        // The gateway reads revocation markers with the same prefix (see @mestres/auth).
        RedisModule.forRoot({ url: config.REDIS_URL, keyPrefix: config.REDIS_PREFIX, connectionName: 'users' }),
        MessagingModule.forRoot({
          service: 'users',
          servers: config.NATS_URL,
          prefix: config.NATS_PREFIX || undefined,
        }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        UsersSharedModule.forRoot(config),
        UsersModule,
        AddressesModule,
        AuthenticationModule,
      ],
      providers: [
        provideReadinessCheck({ name: 'postgres', inject: [DatabaseReadinessCheck], useFactory: (db: DatabaseReadinessCheck) => () => db.check() }),
        provideReadinessCheck({ name: 'redis', inject: [RedisReadinessCheck], useFactory: (redis: RedisReadinessCheck) => () => redis.check() }),
        provideReadinessCheck({ name: 'nats', inject: [NatsReadinessCheck], useFactory: (nats: NatsReadinessCheck) => () => nats.check() }),
      ],
    };
  }
}

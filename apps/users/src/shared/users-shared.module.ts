import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AccessTokenSigner, loadAccessTokenSigningKey } from '@mestres/auth';
import { REDIS } from '@mestres/cache';
import type { UsersConfig } from '../config';
import { Clock } from './clock';
import { PasswordHasher } from './password-hasher';
import { TokenRevocations } from './token-revocations';
import { USERS_CONFIG } from './users-config.token';

/** Config and adapters (clock, hashing, signing, revocation) every users feature shares. */
@Global()
@Module({})
export class UsersSharedModule {
  static forRoot(config: UsersConfig): DynamicModule {
    return {
      module: UsersSharedModule,
      providers: [
        { provide: USERS_CONFIG, useValue: config },
        Clock,
        {
          provide: PasswordHasher,
          useFactory: async () => {
            const hasher = new PasswordHasher({ memoryCost: config.PASSWORD_HASH_MEMORY_KIB, timeCost: config.PASSWORD_HASH_TIME_COST });
            await hasher.warmUp();
            return hasher;
          },
        },
        {
          provide: AccessTokenSigner,
          useFactory: async () =>
            new AccessTokenSigner(await loadAccessTokenSigningKey(config), {
              issuer: config.JWT_ISSUER,
              audience: config.JWT_AUDIENCE,
              ttlSeconds: config.JWT_ACCESS_TOKEN_TTL_SECONDS,
            }),
        },
        {
          provide: TokenRevocations,
          useFactory: (redis: Redis) => new TokenRevocations(redis, config.JWT_ACCESS_TOKEN_TTL_SECONDS),
          inject: [REDIS],
        },
      ],
      exports: [USERS_CONFIG, Clock, PasswordHasher, AccessTokenSigner, TokenRevocations],
    };
  }
}

import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@mestres/cache';
import type { UsersConfig } from '../config';
import { USERS_CONFIG } from '../shared/users-config.token';
import { UsersModule } from '../users/users.module';
import { AuthenticationResolver } from './authentication.resolver';
import { AuthenticationService } from './authentication.service';
import { LoginThrottle } from './login-throttle';
import { SessionTokensService } from './session-tokens.service';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [UsersModule],
  providers: [
    SessionsRepository,
    SessionTokensService,
    AuthenticationService,
    AuthenticationResolver,
    {
      provide: LoginThrottle,
      useFactory: (redis: Redis, config: UsersConfig) =>
        new LoginThrottle(redis, {
          maxFailuresPerEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
          maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
          windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
        }),
      inject: [REDIS, USERS_CONFIG],
    },
  ],
})
export class AuthenticationModule {}

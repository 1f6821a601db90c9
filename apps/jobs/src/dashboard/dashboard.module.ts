import { DynamicModule, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { loadAccessTokenVerificationKeys } from '@mestres/auth';
import { REDIS } from '@mestres/cache';
import type { JobsConfig } from '../config';
import { DashboardAuthenticator } from './dashboard-auth';
import { DASHBOARD_AUTHENTICATOR, QueueDashboard } from './queue-dashboard';

/** Bull Board behind admin authentication. */
@Module({})
export class DashboardModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const jwks = loadAccessTokenVerificationKeys(config);
    return {
      module: DashboardModule,
      providers: [
        {
          provide: DASHBOARD_AUTHENTICATOR,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            new DashboardAuthenticator(
              { internalSecret: config.INTERNAL_AUTH_SECRET, jwks, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
              redis,
            ),
        },
        QueueDashboard,
      ],
    };
  }
}

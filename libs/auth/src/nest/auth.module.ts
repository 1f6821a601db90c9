import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './auth-module-options';
import { AuthGuard } from './auth.guard';
import { CallerResolver } from './caller-resolver';
import { CallerPipe, ClientIpPipe } from './decorators';

/**
 * Subgraph-side authentication: trusts only identity the gateway signed with the internal
 * secret. Registers {@link AuthGuard} globally and provides what `@CurrentUser()` and
 * `@ClientIp()` need. Import once, in the app module.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    if (!options.internalSecret) throw new Error('AuthModule: internalSecret is required');
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_MODULE_OPTIONS, useValue: options },
        CallerResolver,
        CallerPipe,
        ClientIpPipe,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_MODULE_OPTIONS, CallerResolver, CallerPipe, ClientIpPipe],
    };
  }
}

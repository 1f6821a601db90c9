import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertRoles } from '../assertions';
import { AuthError, AuthErrorCode } from '../auth.errors';
import type { Role } from '../role';
import { CallerResolver } from './caller-resolver';
import { requestFromContext } from './request-from-context';

/** Metadata set by `@Authenticated()` and `@Roles()`. */
export const AUTH_REQUIREMENT = 'mestres:auth-requirement';
export interface AuthRequirement {
  roles: Role[];
}

/**
 * Global guard (registered by `AuthModule`). On every GraphQL operation it authenticates the
 * identity headers, so a forged or stale identity is refused even on public operations, then
 * enforces `@Authenticated()` / `@Roles()`.
 *
 * Nest runs guards on Query/Mutation resolvers only, not on `@ResolveField` or
 * `@ResolveReference` (unless `fieldResolverEnhancers` is set, which slows every field). Field
 * resolvers therefore check with `@CurrentUser()` and `assertOwnerOrAdmin` / `assertRoles`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerResolver,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    const type = context.getType<'http' | 'graphql' | 'rpc'>();
    if (type === 'graphql') {
      const caller = this.callers.caller(requestFromContext(context));
      if (requirement) assertRoles(caller, ...requirement.roles);
      return true;
    }
    if (type === 'http' && requirement) {
      // Plain HTTP routes (health, metrics) are public; a decorated one answers 401/403.
      try {
        assertRoles(this.callers.caller(requestFromContext(context)), ...requirement.roles);
      } catch (error) {
        if (error instanceof AuthError) {
          throw error.code === AuthErrorCode.FORBIDDEN ? new ForbiddenException() : new UnauthorizedException();
        }
        throw error;
      }
    }
    return true;
  }
}

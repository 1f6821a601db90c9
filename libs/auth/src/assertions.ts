import { AuthError, AuthErrorCode } from './auth.errors';
import type { CallerIdentity } from './caller-identity';
import { Role } from './role';

/** Throws UNAUTHENTICATED for an anonymous caller. */
export function assertAuthenticated(caller: CallerIdentity | null | undefined): asserts caller is CallerIdentity {
  if (!caller) throw new AuthError(AuthErrorCode.AUTHENTICATION_REQUIRED);
}

/** True when the caller has `role`. ADMIN does not imply the other roles. */
export function hasRole(caller: CallerIdentity | null | undefined, role: Role): boolean {
  return caller?.roles.includes(role) ?? false;
}

/**
 * Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN unless the caller has at least
 * one of `roles` (none given: any signed-in caller passes).
 */
export function assertRoles(caller: CallerIdentity | null | undefined, ...roles: Role[]): asserts caller is CallerIdentity {
  assertAuthenticated(caller);
  if (roles.length > 0 && !roles.some((role) => caller.roles.includes(role))) throw new AuthError(AuthErrorCode.FORBIDDEN);
}

/** True when the caller is `ownerId` or an ADMIN. */
export function isOwnerOrAdmin(caller: CallerIdentity | null | undefined, ownerId: string): boolean {
  return !!caller && (caller.userId === ownerId || caller.roles.includes(Role.ADMIN));
}

/**
 * Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN unless the caller is `ownerId`
 * or an ADMIN. Use it where the resource is already known to the caller (a field of an object
 * they fetched). Where looking a resource up by id could reveal that it exists, load it scoped
 * to the caller instead and answer NOT_FOUND for both "missing" and "someone else's".
 */
export function assertOwnerOrAdmin(caller: CallerIdentity | null | undefined, ownerId: string): asserts caller is CallerIdentity {
  assertAuthenticated(caller);
  if (!isOwnerOrAdmin(caller, ownerId)) throw new AuthError(AuthErrorCode.FORBIDDEN);
}

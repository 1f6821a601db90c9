import { createParamDecorator, Injectable, SetMetadata, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { CallerIdentity } from '../caller-identity';
import type { Role } from '../role';
import { AUTH_REQUIREMENT, type AuthRequirement } from './auth.guard';
import { CallerResolver } from './caller-resolver';
import { requestFromContext, type AuthRequest } from './request-from-context';

const RequestParam = createParamDecorator((_data: unknown, context: ExecutionContext) => requestFromContext(context));

/** Turns the request into the caller; a pipe so it also runs on field resolvers. */
@Injectable()
export class CallerPipe implements PipeTransform<AuthRequest | undefined, CallerIdentity | null> {
  constructor(private readonly callers: CallerResolver) {}
  transform(req: AuthRequest | undefined): CallerIdentity | null {
    return this.callers.caller(req);
  }
}

@Injectable()
export class ClientIpPipe implements PipeTransform<AuthRequest | undefined, string | null> {
  constructor(private readonly callers: CallerResolver) {}
  transform(req: AuthRequest | undefined): string | null {
    return this.callers.clientIp(req);
  }
}

/**
 * Injects the caller (`CallerIdentity | null`, null = anonymous). Works in Query/Mutation and
 * `@ResolveField` resolvers. Throws UNAUTHENTICATED when the identity headers are forged.
 */
export const CurrentUser = (): ParameterDecorator => RequestParam(CallerPipe);

/** Injects the end user's IP (`string | null`) as signed by the gateway. */
export const ClientIp = (): ParameterDecorator => RequestParam(ClientIpPipe);

/** Query/Mutation needs a signed-in caller: UNAUTHENTICATED otherwise. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AuthRequirement>(AUTH_REQUIREMENT, { roles: [] });

/**
 * Query/Mutation needs a caller with at least one of `roles`: UNAUTHENTICATED when anonymous,
 * FORBIDDEN otherwise. ADMIN does not imply other roles; list it when admins may call too.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AuthRequirement>(AUTH_REQUIREMENT, { roles });

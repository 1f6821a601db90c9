import { Inject, Injectable } from '@nestjs/common';
import type { CallerIdentity } from '../caller-identity';
import { verifyClientIpHeaders, verifyIdentityHeaders } from '../identity/identity-headers';
import { AUTH_MODULE_OPTIONS, type AuthModuleOptions } from './auth-module-options';
import type { AuthRequest } from './request-from-context';

type Resolved<T> = { value: T } | { error: unknown };

function unwrap<T>(resolved: Resolved<T>): T {
  if ('error' in resolved) throw resolved.error;
  return resolved.value;
}

function attempt<T>(work: () => T): Resolved<T> {
  try {
    return { value: work() };
  } catch (error) {
    return { error };
  }
}

/**
 * Reads the gateway-signed headers of a request once and remembers the outcome for the rest
 * of that request (guards, `@CurrentUser()`, field resolvers and `@ClientIp()` all ask).
 */
@Injectable()
export class CallerResolver {
  private readonly callers = new WeakMap<object, Resolved<CallerIdentity | null>>();
  private readonly clientIps = new WeakMap<object, Resolved<string | null>>();

  constructor(@Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleOptions) {}

  /** The caller, `null` when anonymous; throws IDENTITY_INVALID for forged or stale headers. */
  caller(req: AuthRequest | undefined): CallerIdentity | null {
    if (!req) return null;
    let resolved = this.callers.get(req);
    if (!resolved) {
      resolved = attempt(() => verifyIdentityHeaders(req.headers, this.options.internalSecret));
      this.callers.set(req, resolved);
    }
    return unwrap(resolved);
  }

  /**
   * The end user's IP: the gateway-signed one, else the TCP peer (a direct call, e.g. in
   * development). `X-Forwarded-For` is never trusted here: anyone can send it.
   */
  clientIp(req: AuthRequest | undefined): string | null {
    if (!req) return null;
    let resolved = this.clientIps.get(req);
    if (!resolved) {
      resolved = attempt(
        () =>
          verifyClientIpHeaders(req.headers, this.options.internalSecret) ??
          req.ip ??
          req.socket?.remoteAddress ??
          req.raw?.socket?.remoteAddress ??
          null,
      );
      this.clientIps.set(req, resolved);
    }
    return unwrap(resolved);
  }
}

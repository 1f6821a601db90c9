import type { JSONWebKeySet } from 'jose';
import { AuthError, isAccessTokenRevoked, Role, verifyAccessToken, verifyIdentityHeaders, type IncomingHeaders } from '@mestres/auth';

/** Cookie the dashboard login sets: the admin's access token, readable only by this path. */
export const DASHBOARD_COOKIE = 'mestres_queues_token';

export interface DashboardAuthSettings {
  internalSecret: string;
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
}

export type DashboardAccess =
  | { allowed: true; userId: string }
  | { allowed: false; status: 401 | 403 | 503; reason: string };

/** Reads one cookie from a Cookie header (no cookie plugin needed for one value). */
export function readCookie(header: string | string[] | undefined, name: string): string | undefined {
  const value = Array.isArray(header) ? header.join('; ') : header;
  for (const part of value?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function bearerToken(headers: IncomingHeaders): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) return authorization.replace(/^Bearer\s+/i, '').trim();
  return readCookie(headers.cookie, DASHBOARD_COOKIE);
}

/**
 * Who may open the queue dashboard: an ADMIN, proven either by the identity headers the
 * gateway signs (a proxy in front of it) or by an access token, sent as `Authorization:
 * Bearer` or in the dashboard cookie, verified like the gateway verifies it (signature,
 * issuer, audience, expiry, then revocation in Redis). Anonymous and non-admin requests are
 * refused; so is every request when revocation cannot be checked (fail closed).
 */
export class DashboardAuthenticator {
  constructor(
    private readonly settings: DashboardAuthSettings,
    private readonly revocations: Parameters<typeof isAccessTokenRevoked>[0],
  ) {}

  async authorize(headers: IncomingHeaders): Promise<DashboardAccess> {
    try {
      const identity = verifyIdentityHeaders(headers, this.settings.internalSecret);
      if (identity) return this.decide(identity.userId, identity.roles);
      const token = bearerToken(headers);
      if (!token) return { allowed: false, status: 401, reason: 'sign in as an admin' };
      return await this.authorizeToken(token);
    } catch (error) {
      if (error instanceof AuthError) return { allowed: false, status: 401, reason: error.code };
      throw error;
    }
  }

  /** Verifies an access token alone (the login form); resolves to its expiry in epoch seconds when allowed. */
  async authorizeToken(token: string): Promise<DashboardAccess & { expiresAt?: number }> {
    try {
      const claims = await verifyAccessToken(token, this.settings.jwks, { issuer: this.settings.issuer, audience: this.settings.audience });
      let revoked: boolean;
      try {
        revoked = await isAccessTokenRevoked(this.revocations, claims);
      } catch {
        return { allowed: false, status: 503, reason: 'cannot check token revocation' };
      }
      if (revoked) return { allowed: false, status: 401, reason: 'ACCESS_TOKEN_REVOKED' };
      return { ...this.decide(claims.sub, claims.roles), expiresAt: claims.exp };
    } catch (error) {
      if (error instanceof AuthError) return { allowed: false, status: 401, reason: error.code };
      throw error;
    }
  }

  private decide(userId: string, roles: Role[]): DashboardAccess {
    return roles.includes(Role.ADMIN) ? { allowed: true, userId } : { allowed: false, status: 403, reason: 'admins only' };
  }
}

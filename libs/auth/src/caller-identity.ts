import type { Role } from './role';

/**
 * Who is calling, as verified by the gateway and forwarded to subgraphs. `null` wherever a
 * caller is expected means an anonymous request.
 */
export interface CallerIdentity {
  userId: string;
  roles: Role[];
  /**
   * The login session (refresh-token family) the access token belongs to. Set by the gateway
   * from the token's `sid` claim; the users subgraph needs it to log out the current session.
   */
  sessionId?: string;
}

import type { Role } from '../role';

/** The verified content of an access token. */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  roles: Role[];
  /** Session (refresh-token family) id; revoking the session revokes its access tokens. */
  sid: string;
  /** The user's token version at issue time; raising it (role change) revokes older tokens. */
  ver: number;
  /** Issued at / expires at, epoch seconds. */
  iat: number;
  exp: number;
  jti: string;
  /** Key that signed it. */
  kid: string;
}

/** JWT `typ` header of access tokens (RFC 9068), so no other JWT of ours passes as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Signature algorithms access tokens may use; everything else (`none`, HS*, RS*) is refused. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type AccessTokenAlgorithm = (typeof ACCESS_TOKEN_ALGORITHMS)[number];

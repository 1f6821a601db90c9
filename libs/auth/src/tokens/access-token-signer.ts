import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '../role';
import { ACCESS_TOKEN_TYPE } from './access-token-claims';
import type { AccessTokenSigningKey } from './access-token-keys';

export interface AccessTokenSignerOptions {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenSubject {
  userId: string;
  roles: Role[];
  sessionId: string;
  tokenVersion: number;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues short-lived access tokens: EdDSA or ES256, `kid` and `typ: at+jwt` in the header,
 * claims `sub`, `roles`, `sid`, `ver`, `iat`, `exp`, `jti`, `iss`, `aud`.
 */
export class AccessTokenSigner {
  constructor(
    private readonly key: AccessTokenSigningKey,
    private readonly options: AccessTokenSignerOptions,
  ) {}

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  async sign(subject: AccessTokenSubject, now: Date = new Date()): Promise<SignedAccessToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.options.ttlSeconds;
    const token = await new SignJWT({ roles: subject.roles, sid: subject.sessionId, ver: subject.tokenVersion })
      .setProtectedHeader({ alg: this.key.alg, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(subject.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}

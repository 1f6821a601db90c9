import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessTokenSigner } from '@mestres/auth';
import { TransactionHost } from '@mestres/database';
import type { UsersConfig } from '../config';
import { Clock } from '../shared/clock';
import { TokenRevocations } from '../shared/token-revocations';
import { InjectUsersConfig } from '../shared/users-config.token';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthenticationError, AuthenticationErrorCode, invalidRefreshToken } from './authentication.errors';
import { hashRefreshToken, isWellFormedRefreshToken, newRefreshToken } from './refresh-token';
import { SessionRevocationReason } from './session.entity';
import { SessionsRepository } from './sessions.repository';

/** A session's current refresh token, as handed to the client once. */
export interface OpenedSession {
  sessionId: string;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface SessionTokens extends OpenedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
}

type RotationOutcome =
  | { kind: 'invalid' }
  | { kind: 'reused'; sessionId: string }
  | { kind: 'rotated'; user: UserEntity; session: OpenedSession };

/**
 * Sessions and their tokens: a session is one login and owns a family of refresh tokens, each
 * replaced on use. Presenting a replaced token again means it leaked, so the whole family is
 * revoked. Revocations reach the gateway through Redis.
 */
@Injectable()
export class SessionTokensService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly signer: AccessTokenSigner,
    private readonly revocations: TokenRevocations,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    @InjectUsersConfig() private readonly config: UsersConfig,
  ) {}

  /** Opens a session with its first refresh token. Joins the caller's transaction. */
  async open(userId: string): Promise<OpenedSession> {
    const sessionId = randomUUID();
    const now = this.clock.now();
    await this.sessions.createSession(sessionId, userId, now);
    return { sessionId, ...(await this.issueRefreshToken(sessionId, now)) };
  }

  /** Adds the access token to an opened session. */
  async withAccessToken(user: UserEntity, session: OpenedSession): Promise<SessionTokens> {
    const access = await this.signer.sign(
      { userId: user.id, roles: user.roles, sessionId: session.sessionId, tokenVersion: user.tokenVersion },
      this.clock.now(),
    );
    return { ...session, accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
  }

  /**
   * Exchanges a refresh token for a new pair. An unknown, expired or revoked token answers
   * INVALID_REFRESH_TOKEN; a token already exchanged before revokes its session and answers
   * REFRESH_TOKEN_REUSED (both UNAUTHENTICATED).
   */
  async rotate(refreshToken: string): Promise<{ user: UserEntity; tokens: SessionTokens }> {
    if (!isWellFormedRefreshToken(refreshToken)) throw invalidRefreshToken();
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.tx.transaction<RotationOutcome>(async () => {
      const now = this.clock.now();
      const record = await this.sessions.findRefreshTokenForUpdate(tokenHash);
      if (!record || record.sessionRevokedAt) return { kind: 'invalid' };
      if (record.rotatedAt) {
        // Committed even though the request fails: the revocation is the point.
        await this.sessions.revokeSession(record.sessionId, record.userId, SessionRevocationReason.REFRESH_TOKEN_REUSE, now);
        return { kind: 'reused', sessionId: record.sessionId };
      }
      if (record.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid' };
      const user = await this.users.findById(record.userId);
      if (!user) return { kind: 'invalid' };
      await this.sessions.markRotated(tokenHash, now);
      await this.sessions.touchSession(record.sessionId, now);
      return { kind: 'rotated', user, session: { sessionId: record.sessionId, ...(await this.issueRefreshToken(record.sessionId, now)) } };
    });
    if (outcome.kind === 'invalid') throw invalidRefreshToken();
    if (outcome.kind === 'reused') {
      await this.revocations.revokeSessionsQuietly([outcome.sessionId]);
      throw new AuthenticationError(
        AuthenticationErrorCode.REFRESH_TOKEN_REUSED,
        'This refresh token was already used; the session has been ended for safety. Sign in again.',
      );
    }
    return { user: outcome.user, tokens: await this.withAccessToken(outcome.user, outcome.session) };
  }

  /** Ends one session of the user (logout); idempotent. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    await this.tx.transaction(() => this.sessions.revokeSession(sessionId, userId, SessionRevocationReason.LOGOUT, this.clock.now()));
    // Written even when the session was already revoked: a retried logout repairs a lost marker.
    await this.revocations.revokeSessions([sessionId]);
  }

  /** Ends every session of the user but `keep`. Joins the caller's transaction; returns the ids. */
  revokeOthers(userId: string, keep: string | null, reason: SessionRevocationReason): Promise<string[]> {
    return this.sessions.revokeOtherSessions(userId, keep, reason, this.clock.now());
  }

  /** Tells the gateway, after commit, that sessions revoked by {@link revokeOthers} are gone. */
  announceRevoked(sessionIds: string[]): Promise<void> {
    return this.revocations.revokeSessions(sessionIds);
  }

  private async issueRefreshToken(sessionId: string, now: Date): Promise<Omit<OpenedSession, 'sessionId'>> {
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.sessions.insertRefreshToken(hash, sessionId, now, expiresAt);
    return { refreshToken: token, refreshTokenExpiresAt: expiresAt };
  }
}

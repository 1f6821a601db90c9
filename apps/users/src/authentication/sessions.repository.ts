import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@mestres/database';
import type { SessionRevocationReason } from './session.entity';

/** A refresh token row joined with its session, as read (and locked) for rotation. */
export interface RefreshTokenRecord {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  sessionRevokedAt: Date | null;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async createSession(id: string, userId: string, now: Date): Promise<void> {
    await this.tx.manager.query(`INSERT INTO sessions (id, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)`, [id, userId, now]);
  }

  async insertRefreshToken(tokenHash: string, sessionId: string, issuedAt: Date, expiresAt: Date): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [tokenHash, sessionId, issuedAt, expiresAt],
    );
  }

  /**
   * Reads a refresh token and its session, locking both rows until the transaction ends, so
   * two concurrent uses of one token are serialised: the second sees the first's rotation.
   */
  async findRefreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const rows: Array<{ session_id: string; user_id: string; expires_at: Date; rotated_at: Date | null; revoked_at: Date | null }> =
      await this.tx.manager.query(
        `SELECT rt.session_id, s.user_id, rt.expires_at, rt.rotated_at, s.revoked_at
         FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id
         WHERE rt.token_hash = $1
         FOR UPDATE`,
        [tokenHash],
      );
    const row = rows[0];
    if (!row) return null;
    return { sessionId: row.session_id, userId: row.user_id, expiresAt: row.expires_at, rotatedAt: row.rotated_at, sessionRevokedAt: row.revoked_at };
  }

  async markRotated(tokenHash: string, now: Date): Promise<void> {
    await this.tx.manager.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
  }

  async touchSession(sessionId: string, now: Date): Promise<void> {
    await this.tx.manager.query(`UPDATE sessions SET last_used_at = $2 WHERE id = $1`, [sessionId, now]);
  }

  /** Revokes one session of `userId` if still active; true when it was. */
  async revokeSession(sessionId: string, userId: string, reason: SessionRevocationReason, now: Date): Promise<boolean> {
    const [rows] = await this.tx.manager.query<[unknown[], number]>(
      `UPDATE sessions SET revoked_at = $3, revoked_reason = $4 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, now, reason],
    );
    return rows.length > 0;
  }

  /** Revokes every active session of `userId` except `keep`; returns the revoked ids. */
  async revokeOtherSessions(userId: string, keep: string | null, reason: SessionRevocationReason, now: Date): Promise<string[]> {
    const [rows] = await this.tx.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE sessions SET revoked_at = $3, revoked_reason = $4
       WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
       RETURNING id`,
      [userId, keep, now, reason],
    );
    return rows.map((row) => row.id);
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A refresh token, stored as its SHA-256. Rotated (used) tokens stay to detect reuse. */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  /** Hex SHA-256 of the token. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Set when exchanged for a new token; presenting it again means it was stolen. */
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;
}

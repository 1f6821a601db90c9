import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One login, i.e. one refresh-token family. Its id is the `sid` claim of access tokens. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz' })
  lastUsedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: SessionRevocationReason | null;
}

export enum SessionRevocationReason {
  LOGOUT = 'logout',
  REFRESH_TOKEN_REUSE = 'refresh-token-reuse',
  PASSWORD_CHANGED = 'password-changed',
}

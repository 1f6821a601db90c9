import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@mestres/auth';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised: trimmed and lower-cased (the table checks it). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  /** argon2id PHC string. Never leaves this service. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** Raised when roles change; access tokens carry it, older ones are revoked. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;
}

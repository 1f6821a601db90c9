import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where to e-mail a user: a copy of the users service's data, kept from its events. */
@Entity({ name: 'recipient' })
export class RecipientEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

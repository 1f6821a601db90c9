import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'addresses' })
export class AddressEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text', nullable: true })
  complement: string | null;

  @Column({ type: 'text' })
  district: string;

  @Column({ type: 'text' })
  city: string;

  /** UF, e.g. `SP`. */
  @Column({ type: 'char', length: 2 })
  state: string;

  /** CEP, 8 digits. */
  @Column({ name: 'postal_code', type: 'char', length: 8 })
  postalCode: string;

  /** E.164, e.g. `+5511987654321`. */
  @Column({ type: 'text' })
  phone: string;

  @Column({ name: 'is_default', type: 'boolean' })
  isDefault: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

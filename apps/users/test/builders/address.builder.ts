import type { DataSource } from 'typeorm';

export interface AddressInputShape {
  recipient: string;
  street: string;
  number: string;
  complement?: string | null;
  district: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  isDefault?: boolean | null;
}

/** A valid São Paulo address; `.insert()` stores it for a user without going through the API. */
export class AddressBuilder {
  private input: AddressInputShape = {
    recipient: 'Maria Souza',
    street: 'Avenida Paulista',
    number: '1578',
    complement: 'Apto 42',
    district: 'Bela Vista',
    city: 'São Paulo',
    state: 'SP',
    postalCode: '01310-200',
    phone: '(11) 98765-4321',
  };

  with(changes: Partial<AddressInputShape>): this {
    this.input = { ...this.input, ...changes };
    return this;
  }

  build(): AddressInputShape {
    return { ...this.input };
  }

  async insert(db: DataSource, userId: string, isDefault = false): Promise<string> {
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO addresses (user_id, recipient, street, number, complement, district, city, state, postal_code, phone, is_default)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [userId, this.input.recipient, this.input.street, this.input.number, this.input.complement ?? null, this.input.district,
        this.input.city, this.input.state, this.input.postalCode.replace('-', ''), '+5511987654321', isDefault],
    );
    return rows[0].id;
  }
}

export const anAddress = () => new AddressBuilder();

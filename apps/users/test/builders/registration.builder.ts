import { uniqueSuffix } from '@mestres/testing';

export interface Registration {
  email: string;
  password: string;
  name: string;
}

/** Registration input with a unique email and a password that passes the policy. */
export class RegistrationBuilder {
  private registration: Registration = {
    email: `customer-${uniqueSuffix()}@example.com`,
    password: 'Torra-Media-2026',
    name: 'Maria Souza',
  };

  withEmail(email: string): this {
    this.registration = { ...this.registration, email };
    return this;
  }

  withPassword(password: string): this {
    this.registration = { ...this.registration, password };
    return this;
  }

  withName(name: string): this {
    this.registration = { ...this.registration, name };
    return this;
  }

  build(): Registration {
    return { ...this.registration };
  }
}

export const aRegistration = () => new RegistrationBuilder();

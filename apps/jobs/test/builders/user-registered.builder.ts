import { randomUUID } from 'node:crypto';
import type { UserRegisteredV1 } from '@mestres/contracts';

/** `aUserRegistered().named('Ana Souza').build()` */
export function aUserRegistered() {
  const id = randomUUID();
  const user: UserRegisteredV1 = { userId: id, email: `cliente-${id.slice(0, 8)}@example.com`, name: 'Ana Souza' };
  const builder = {
    named(name: string) {
      user.name = name;
      return builder;
    },
    withEmail(email: string) {
      user.email = email;
      return builder;
    },
    build: (): UserRegisteredV1 => ({ ...user }),
  };
  return builder;
}

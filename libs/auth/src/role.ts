import { registerEnumType } from '@nestjs/graphql';

/** What a user may do across the mesh. Every user has at least one role. */
export enum Role {
  CUSTOMER = 'CUSTOMER',
  INSTRUCTOR = 'INSTRUCTOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do: buy (CUSTOMER), teach courses (INSTRUCTOR), run the shop (ADMIN).',
  valuesMap: {
    CUSTOMER: { description: 'Buys coffee and enrols in courses. Every new account starts with it.' },
    INSTRUCTOR: { description: 'Teaches barista courses.' },
    ADMIN: { description: 'Manages the catalog, orders, courses and users.' },
  },
});

const ROLES = new Set<string>(Object.values(Role));

/** True when `value` is one of the {@link Role} values. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLES.has(value);
}

import { assertOwnerOrAdmin, assertRoles } from './assertions';
import { AuthError, AuthErrorCode } from './auth.errors';
import { Role } from './role';

const codeOf = (attempt: () => void): AuthErrorCode | 'passed' => {
  try {
    attempt();
    return 'passed';
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
};

describe(assertOwnerOrAdmin.name, () => {
  it('lets the owner and admins through, refuses others and anonymous callers', () => {
    expect(codeOf(() => assertOwnerOrAdmin({ userId: 'a', roles: [Role.CUSTOMER] }, 'a'))).toBe('passed');
    expect(codeOf(() => assertOwnerOrAdmin({ userId: 'z', roles: [Role.ADMIN] }, 'a'))).toBe('passed');
    expect(codeOf(() => assertOwnerOrAdmin({ userId: 'b', roles: [Role.INSTRUCTOR] }, 'a'))).toBe(AuthErrorCode.FORBIDDEN);
    expect(codeOf(() => assertOwnerOrAdmin(null, 'a'))).toBe(AuthErrorCode.AUTHENTICATION_REQUIRED);
  });
});

describe(assertRoles.name, () => {
  it('requires any one of the roles and does not let ADMIN stand in for the others', () => {
    expect(codeOf(() => assertRoles({ userId: 'a', roles: [Role.INSTRUCTOR] }, Role.INSTRUCTOR, Role.ADMIN))).toBe('passed');
    expect(codeOf(() => assertRoles({ userId: 'a', roles: [Role.ADMIN] }, Role.INSTRUCTOR))).toBe(AuthErrorCode.FORBIDDEN);
    expect(codeOf(() => assertRoles({ userId: 'a', roles: [Role.CUSTOMER] }))).toBe('passed');
    expect(codeOf(() => assertRoles(null))).toBe(AuthErrorCode.AUTHENTICATION_REQUIRED);
  });
});

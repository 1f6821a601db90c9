import { UsersError, UsersErrorCode } from '../users/users.errors';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The policy in words, for GraphQL descriptions. */
export const PASSWORD_RULES =
  '10 to 128 characters, mixing at least two of lower-case, upper-case, digits and symbols, not containing the email name.';

const CHARACTER_CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/**
 * Why `password` is refused, or null when acceptable: 10 to 128 characters, at least two kinds
 * of characters (lower case, upper case, digits, symbols), and not containing the local part
 * of the account's email. Length counts characters, not bytes.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (CHARACTER_CLASSES.filter((kind) => kind.test(password)).length < 2) {
    return 'must mix at least two of: lower-case letters, upper-case letters, digits, symbols';
  }
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) return 'must not contain your email address';
  return null;
}

/** Throws BAD_USER_INPUT naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new UsersError(UsersErrorCode.WEAK_PASSWORD, `${field} ${problem}`, { field });
}

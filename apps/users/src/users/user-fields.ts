import { z } from '@mestres/config';
import { UsersError, UsersErrorCode } from './users.errors';

const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;
const emailFormat = z.email();

/** Trims and lower-cases, the one form emails are stored and compared in. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Normalises and validates an email; `field` names the argument in the error. */
export function parseEmail(raw: string, field: string): string {
  const email = normalizeEmail(raw);
  if (email.length > MAX_EMAIL_LENGTH || !emailFormat.safeParse(email).success) {
    throw new UsersError(UsersErrorCode.INVALID_EMAIL, `${field} must be a valid email address`, { field });
  }
  return email;
}

/** Trims and validates a display name (1 to 100 characters, no control characters). */
export function parseName(raw: string, field: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || [...name].length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new UsersError(UsersErrorCode.INVALID_NAME, `${field} must be 1 to ${MAX_NAME_LENGTH} characters`, { field });
  }
  return name;
}

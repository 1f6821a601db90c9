/** Postgres error codes the services branch on. */
export const PgErrorCode = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  QUERY_CANCELED: '57014',
  INSUFFICIENT_PRIVILEGE: '42501',
} as const;

/** Reads the SQLSTATE from a pg/TypeORM error, whichever wraps the other. */
export function pgErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a unique-constraint violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== PgErrorCode.UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const candidate = error as { constraint?: string; driverError?: { constraint?: string } };
  return (candidate.driverError?.constraint ?? candidate.constraint) === constraint;
}

/**
 * The rows of an `UPDATE/DELETE ... RETURNING` run through `EntityManager.query`: TypeORM's
 * Postgres driver answers `[rows, rowCount]` for those commands and plain rows for the rest.
 */
export function returningRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

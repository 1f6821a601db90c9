interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows an UPDATE or DELETE ... RETURNING produced. TypeORM's `query()` answers those two commands
 * with `[rows, rowCount]` (every other command with the rows), which is easy to misread as rows.
 */
export async function changedRows<T>(runner: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await runner.query(sql, params)) as [T[], number];
  return rows;
}

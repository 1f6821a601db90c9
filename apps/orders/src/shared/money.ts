/**
 * Money is integer cents everywhere. Postgres `bigint` arrives from pg as a string; this turns it
 * into a number and refuses anything that is not a safe integer, so a float or an overflow is a
 * loud bug instead of a wrong total.
 */
export function centsFromDb(value: string | number | null): number {
  const cents = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(cents)) throw new Error(`not an integer amount of cents: ${String(value)}`);
  return cents;
}

/** Largest amount the GraphQL API carries (its Int is 32-bit): R$ 21 474 836,47. */
export const MAX_GRAPHQL_CENTS = 2_147_483_647;

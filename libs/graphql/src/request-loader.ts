import DataLoader from 'dataloader';

const loaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one GraphQL request (keyed on its context object), so
 * `@ResolveReference` and field resolvers batch every key of a request into one query
 * without caching across requests or users.
 *
 * `batch` must return one value per key, in key order (null for a missing key).
 */
export function requestLoader<K, V>(
  context: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<Array<V | Error>>,
): DataLoader<K, V> {
  let byName = loaders.get(context);
  if (!byName) {
    byName = new Map();
    loaders.set(context, byName);
  }
  let loader = byName.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    byName.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders `rows` to match `keys` (DataLoader's contract), with null for missing keys. */
export function alignToKeys<K, Row>(keys: readonly K[], rows: Row[], keyOf: (row: Row) => K): Array<Row | null> {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Tag of every response built with data from one subgraph. */
export const subgraphTag = (subgraph: string): string => `subgraph:${subgraph}`;
/** Tag of every response that shows the entity (or SKU) with this key. */
export const entityTag = (key: string): string => `key:${key}`;
/** Set on responses showing more keys than are tracked: any entity invalidation drops them. */
export const MANY_KEYS_TAG = 'key:*';

/** Field names whose string values identify an entity or a SKU across the mesh. */
const KEY_FIELDS = new Set(['id', 'sku']);
const MAX_ENTITY_TAGS = 500;

/**
 * The tags of a response: one per subgraph it was built from, and one per `id`/`sku` value
 * it shows (ids are UUIDs, unique across types, so no typename is needed). A stock event for
 * a SKU can then drop exactly the pages that show it.
 */
export function responseTags(subgraphs: Iterable<string>, data: unknown): string[] {
  const tags = new Set<string>();
  for (const subgraph of subgraphs) tags.add(subgraphTag(subgraph));
  const keys = new Set<string>();
  collectKeys(data, keys);
  if (keys.size > MAX_ENTITY_TAGS) tags.add(MANY_KEYS_TAG);
  else for (const key of keys) tags.add(entityTag(key));
  return [...tags];
}

function collectKeys(value: unknown, keys: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, keys);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [field, child] of Object.entries(value)) {
    if (KEY_FIELDS.has(field) && typeof child === 'string') keys.add(child);
    else if (child !== null && typeof child === 'object') collectKeys(child, keys);
    if (keys.size > MAX_ENTITY_TAGS) return;
  }
}

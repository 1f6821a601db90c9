import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

/** Representations with duplicates removed, and how to put the answer back in the original order. */
export interface DedupedRepresentations {
  representations: unknown[];
  /** For each original position, its index in `representations`. */
  positions: number[];
}

/**
 * The query planner asks for one `_entities` entry per place an entity appears in the
 * response so far, so a list of reviews of the same product asks for that product once per
 * review. Sending each distinct representation once (as routers do) shrinks the subgraph's
 * work and both payloads. Returns undefined when there is nothing to remove.
 */
export function dedupeRepresentations(representations: unknown): DedupedRepresentations | undefined {
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const positions = representations.map((representation) => {
    // One fetch builds every representation from the same selection, so equal entities
    // serialise alike (a differing key order would only cost a missed merge, never a wrong one).
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.length;
      indexOf.set(key, index);
      unique.push(representation);
    }
    return index;
  });
  return unique.length < representations.length ? { representations: unique, positions } : undefined;
}

/**
 * Expands a subgraph's answer to the deduplicated representations back to one entry per
 * original representation. Equal representations share one entity object: they are the same
 * entity with the same selection, so whatever the executor merges into one applies to all.
 * Errors on an entity are repeated for every position it stood for.
 */
export function expandEntities(response: GatewayGraphQLResponse, deduped: DedupedRepresentations): GatewayGraphQLResponse {
  const entities = response.data?._entities;
  const data = Array.isArray(entities) ? { ...response.data, _entities: deduped.positions.map((index) => entities[index] ?? null) } : response.data;
  if (!response.errors) return { ...response, data };
  const originals = new Map<number, number[]>();
  deduped.positions.forEach((index, position) => {
    const positions = originals.get(index);
    if (positions) positions.push(position);
    else originals.set(index, [position]);
  });
  const errors = response.errors.flatMap((error) => {
    const [root, index, ...rest] = error.path ?? [];
    if (root !== '_entities' || typeof index !== 'number') return [error];
    return (originals.get(index) ?? [index]).map((position) => ({ ...error, path: [root, position, ...rest] }));
  });
  return { ...response, data, errors };
}

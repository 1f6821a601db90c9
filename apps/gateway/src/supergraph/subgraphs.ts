/**
 * The subgraphs composed into the supergraph. Adding a subgraph: add it here, commit its
 * `apps/<name>/schema.graphql` (written by the subgraph at boot in development), run
 * `npm run compose`, and give the gateway its URL (`<NAME>_URL`).
 */
export const SUBGRAPHS = [
  { name: 'catalog', port: 4001 },
  { name: 'orders', port: 4002 },
  { name: 'courses', port: 4003 },
  { name: 'users', port: 4004 },
  { name: 'jobs', port: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** URL a subgraph has in the committed supergraph (local development); the gateway may override it. */
export function defaultSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}

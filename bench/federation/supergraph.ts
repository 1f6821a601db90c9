import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, SUBGRAPH_SDL, type SubgraphName } from './subgraphs/schemas';

/** Composes the benchmark supergraph with the subgraphs served at `urlOf(name)`. */
export function composeBenchmarkSupergraph(urlOf: (name: SubgraphName) => string): string {
  const result = composeServices(SUBGRAPH_NAMES.map((name) => ({ name, url: urlOf(name), typeDefs: parse(SUBGRAPH_SDL[name]) })));
  if (result.errors) throw new Error(`benchmark supergraph does not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  return result.supergraphSdl;
}

import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** Thrown when the subgraphs do not compose; lists every composition error. */
export class CompositionFailedError extends Error {
  constructor(readonly errors: string[]) {
    super(`supergraph composition failed:\n- ${errors.join('\n- ')}`);
    this.name = 'CompositionFailedError';
  }
}

/**
 * Composes subgraph SDLs into a static supergraph with @apollo/composition, the same
 * library rover uses, so production never depends on introspecting live subgraphs.
 */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) })),
  );
  if (result.errors) throw new CompositionFailedError(result.errors.map((error) => error.message));
  return `${result.supergraphSdl.trim()}\n`;
}

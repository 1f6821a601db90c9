import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose-supergraph';
import { defaultSubgraphUrl, SUBGRAPHS } from './subgraphs';

/** Repository root, whether running from source (tests) or from dist/. */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nest-cli.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (nest-cli.json)');
    dir = parent;
  }
  return dir;
}

export const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

export function subgraphSchemaFile(name: string): string {
  return `apps/${name}/schema.graphql`;
}

/** Composes the committed subgraph SDL files (what `npm run compose` writes). */
export function composeCommittedSubgraphs(root = repositoryRoot()): string {
  return composeSupergraph(
    SUBGRAPHS.map(({ name, port }) => ({
      name,
      url: defaultSubgraphUrl(port),
      sdl: readFileSync(path.join(root, subgraphSchemaFile(name)), 'utf8'),
    })),
  );
}

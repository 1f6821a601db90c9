// `npm run compose`: composes apps/*/schema.graphql into apps/gateway/supergraph.graphql.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompositionFailedError } from './compose-supergraph';
import { composeCommittedSubgraphs, repositoryRoot, SUPERGRAPH_FILE } from './supergraph-files';

try {
  const root = repositoryRoot();
  writeFileSync(path.join(root, SUPERGRAPH_FILE), composeCommittedSubgraphs(root));
  process.stdout.write(`wrote ${SUPERGRAPH_FILE}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof CompositionFailedError ? error.message : String(error)}\n`);
  process.exit(1);
}

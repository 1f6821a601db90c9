import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads the static supergraph the gateway serves; a missing file is a boot error with a fix. */
export function loadSupergraph(file: string): string {
  const resolved = path.resolve(file);
  try {
    return readFileSync(resolved, 'utf8');
  } catch {
    throw new Error(`cannot read the supergraph at ${resolved} (SUPERGRAPH_PATH); run \`npm run compose\``);
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderAsyncApiYaml } from '../src/asyncapi';

describe('docs/events/asyncapi.yaml', () => {
  it('matches what the contracts generate', () => {
    const file = path.join(__dirname, '..', '..', '..', 'docs', 'events', 'asyncapi.yaml');
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (committed !== renderAsyncApiYaml()) {
      throw new Error('docs/events/asyncapi.yaml is out of date with libs/contracts: run `npm run asyncapi`');
    }
  });
});

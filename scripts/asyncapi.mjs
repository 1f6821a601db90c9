// `npm run asyncapi`: regenerates docs/events/asyncapi.yaml from libs/contracts.
// `npm run asyncapi -- --check` exits 1 when the committed file is stale (for CI).
import { transformSync } from '@swc/core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'events', 'asyncapi.yaml');

// The contracts lib is TypeScript with relative imports only; compile it on require.
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const require = createRequire(import.meta.url);
const { renderAsyncApiYaml } = require(path.join(root, 'libs', 'contracts', 'src', 'asyncapi.ts'));
const yaml = renderAsyncApiYaml();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== yaml) {
    console.error(`${path.relative(root, target)} is out of date: run \`npm run asyncapi\``);
    process.exit(1);
  }
  console.log(`${path.relative(root, target)} is up to date`);
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, yaml);
  console.log(`wrote ${path.relative(root, target)}`);
}

// Lets Node run the benchmark's TypeScript directly (`node -r ./bench/support/register.cjs x.ts`):
// compiles each .ts file on require with SWC, with the same options as scripts/build.mjs
// (decorators, metadata, the @mestres/* path aliases), so children need no build step.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));

const options = {
  // No source maps: with them enabled every `new Error().stack` costs a source-map lookup,
  // which would tax whichever gateway creates errors on its hot path (make-fetch-happen does).
  sourceMaps: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
    baseUrl: root,
    paths: compilerOptions.paths,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
